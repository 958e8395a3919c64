package io.accessloop.bench.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person signed in to the portal through the real authorization-code flow (portal → Keycloak login form →
 * back with the code), following redirects by hand with its own cookies. Cookies are kept by name regardless of the
 * {@code Secure} flag: the local run serves plain http on localhost, which browsers treat as a secure context.
 */
final class PortalSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ANY_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final Http http;
    private final URI portal;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private PortalSession(Http http, URI portal) {
        this.http = http;
        this.portal = portal;
    }

    static PortalSession signIn(Http http, URI portal, String user, String password) {
        PortalSession session = new PortalSession(http, portal);
        HttpResponse<String> page = session.follow(portal.resolve("/access"), null);
        Matcher m = FORM_ACTION.matcher(page.body());
        if (!m.find()) {
            m = ANY_ACTION.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no Keycloak login form for " + user + " (" + page.statusCode() + ")");
            }
        }
        URI action = URI.create(m.group(1).replace("&amp;", "&"));
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&credentialId=";
        HttpResponse<String> signedIn = session.follow(action, form);
        if (signedIn.statusCode() != 200 || !signedIn.uri().getPath().equals("/access")
                || !signedIn.uri().getAuthority().equals(portal.getAuthority())) {
            throw new IllegalStateException("sign-in of " + user + " ended at " + signedIn.uri() + " with "
                    + signedIn.statusCode());
        }
        return session;
    }

    /** GET a portal path with this session; the status code (no redirects followed). */
    int get(String path) {
        return http.send(request(portal.resolve(path)).GET().build()).statusCode();
    }

    private HttpResponse<String> follow(URI uri, String form) {
        URI next = uri;
        String body = form;
        for (int hop = 0; hop < 10; hop++) {
            HttpRequest.Builder request = request(next);
            if (body != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> answer = http.send(request.build());
            keep(answer.headers().allValues("set-cookie"));
            if (answer.statusCode() / 100 != 3) {
                return answer;
            }
            next = next.resolve(answer.headers().firstValue("location").orElseThrow());
            body = null;
        }
        throw new IllegalStateException("too many redirects from " + uri);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    private void keep(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
