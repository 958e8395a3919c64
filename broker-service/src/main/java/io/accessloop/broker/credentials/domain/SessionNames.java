package io.accessloop.broker.credentials.domain;

/** RoleSessionName from a person's e-mail: only {@code [\w+=,.@-]}, 2 to 64 characters. */
public final class SessionNames {

    private SessionNames() {
    }

    public static String of(String email) {
        StringBuilder out = new StringBuilder();
        for (char c : email.toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_+=,.@-".indexOf(c) >= 0;
            out.append(allowed ? c : '-');
        }
        String name = out.length() > 64 ? out.substring(0, 64) : out.toString();
        return name.length() < 2 ? (name + "--").substring(0, 2) : name;
    }
}
