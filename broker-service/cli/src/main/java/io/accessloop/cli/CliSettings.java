package io.accessloop.cli;

import io.accessloop.cli.support.Environment;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Where the broker and the identity provider are, and where the tokens live: each from its flag, else its
 * environment variable, else the local run's default.
 *
 * @param tokenFileChosen whether the token file was named explicitly (then {@code configure} repeats it)
 */
public record CliSettings(URI brokerUrl, String issuer, String clientId, Path tokenFile, boolean tokenFileChosen) {

    public static final Set<String> OPTIONS = Set.of("broker-url", "issuer", "client-id", "token-file");

    static final String DEFAULT_BROKER = "http://localhost:8081";
    static final String DEFAULT_ISSUER = "http://localhost:8180/realms/accessloop";
    static final String DEFAULT_CLIENT = "accessloop-cli";

    public static CliSettings from(Args args, Environment env) {
        String broker = args.get("broker-url").or(() -> env.variable("ACCESSLOOP_BROKER_URL")).orElse(DEFAULT_BROKER);
        String issuer = args.get("issuer").or(() -> env.variable("ACCESSLOOP_ISSUER")).orElse(DEFAULT_ISSUER);
        String client = args.get("client-id").or(() -> env.variable("ACCESSLOOP_CLIENT_ID")).orElse(DEFAULT_CLIENT);
        Optional<String> chosen = args.get("token-file").or(() -> env.variable("ACCESSLOOP_TOKEN_FILE"));
        Path tokens = chosen.map(Path::of).orElseGet(() -> env.variable("XDG_CONFIG_HOME").map(Path::of)
                .orElse(env.home().resolve(".config")).resolve("accessloop").resolve("tokens.json"));
        if (client.isBlank()) {
            throw new CliException(ExitCode.USAGE, "--client-id must not be empty");
        }
        return new CliSettings(checked("--broker-url", broker), checked("--issuer", issuer).toString(), client,
                tokens.toAbsolutePath(), chosen.isPresent());
    }

    /**
     * An http(s) URL; plain http only to this machine, since bearer tokens travel over it.
     */
    static URI checked(String flag, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, flag + " '" + value + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new CliException(ExitCode.USAGE, flag + " '" + value + "' must be an https:// URL");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new CliException(ExitCode.USAGE, flag + " '" + value
                    + "' must use https:// (plain http is accepted for localhost only: tokens travel over it)");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }
}
