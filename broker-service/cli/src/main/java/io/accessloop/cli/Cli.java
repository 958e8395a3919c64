package io.accessloop.cli;

import io.accessloop.cli.aws.AwsConfigFile;
import io.accessloop.cli.aws.ShellWords;
import io.accessloop.cli.broker.BrokerClient;
import io.accessloop.cli.broker.CredentialProcess;
import io.accessloop.cli.broker.NewRequest;
import io.accessloop.cli.login.AccessTokens;
import io.accessloop.cli.login.DeviceFlow;
import io.accessloop.cli.login.HttpOidcProvider;
import io.accessloop.cli.login.OidcProvider;
import io.accessloop.cli.login.ProviderMetadata;
import io.accessloop.cli.login.TokenFile;
import io.accessloop.cli.login.TokenSet;
import io.accessloop.cli.support.Environment;
import io.accessloop.cli.support.Http;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands: {@code login}, {@code logout}, {@code credential-process}, {@code configure}, {@code help}.
 * stdout carries only what a program reads (the credential_process JSON); everything for people goes to stderr.
 */
public final class Cli {

    static final String SCOPE = "openid";
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);
    private static final Set<String> REQUEST_OPTIONS = Set.of("entitlement", "reason", "duration", "ticket", "wait");

    private final Environment env;
    private final PrintStream out;
    private final PrintStream err;
    private final Http http = new Http();

    public Cli(Environment env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs one command line and returns the exit code; failures are explained on stderr. */
    public int run(String[] argv) {
        try {
            Args args = Args.parse(argv, Set.of("help"));
            if (args.flag("help") || args.command().equals("help") || args.command().equals("--help")) {
                err.print(usage());
                return ExitCode.OK.code();
            }
            switch (args.command()) {
                case "login" -> login(args);
                case "logout" -> logout(args);
                case "credential-process" -> credentialProcess(args);
                case "configure" -> configure(args);
                default -> throw new CliException(ExitCode.USAGE, "unknown command '" + args.command()
                        + "' (commands: login, logout, credential-process, configure, help)");
            }
            return ExitCode.OK.code();
        } catch (CliException e) {
            err.println("accessloop: " + e.getMessage());
            if (e.exitCode() == ExitCode.USAGE) {
                err.println("Run 'accessloop help' for the commands and options.");
            }
            return e.exitCode().code();
        } catch (RuntimeException e) {
            err.println("accessloop: unexpected error: " + e.getClass().getSimpleName());
            return ExitCode.FAILURE.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void login(Args args) {
        args.allowOnly(CliSettings.OPTIONS);
        CliSettings settings = CliSettings.from(args, env);
        TokenSet tokens = new DeviceFlow(provider(settings), env.clock(), env.sleeper()).login(err);
        new TokenFile(settings.tokenFile()).write(tokens);
        err.println("Signed in" + emailOf(tokens.accessToken()).map(e -> " as " + e).orElse("")
                + "; the tokens are in " + settings.tokenFile() + " (readable by you only).");
    }

    private void logout(Args args) {
        args.allowOnly(CliSettings.OPTIONS);
        CliSettings settings = CliSettings.from(args, env);
        TokenFile file = new TokenFile(settings.tokenFile());
        Optional<TokenSet> tokens;
        try {
            tokens = file.read();
        } catch (CliException unreadable) {
            tokens = Optional.empty();
        }
        tokens.map(TokenSet::refreshToken).ifPresent(refresh -> {
            try {
                if (provider(settings).revoke(refresh)) {
                    err.println("The sign-in session was ended at the identity provider.");
                }
            } catch (CliException e) {
                err.println("accessloop: could not end the session at the identity provider (" + e.getMessage()
                        + "); the local tokens are removed anyway");
            }
        });
        err.println(file.delete() ? "Logged out: " + settings.tokenFile() + " removed." : "Not logged in.");
    }

    private void credentialProcess(Args args) {
        args.allowOnly(union(CliSettings.OPTIONS, REQUEST_OPTIONS));
        CliSettings settings = CliSettings.from(args, env);
        String entitlement = required(args, "entitlement");
        Duration wait = args.get("wait").map(w -> Durations.parse("wait", w)).orElse(DEFAULT_WAIT);
        AccessTokens tokens = new AccessTokens(new TokenFile(settings.tokenFile()), settings.issuer(),
                settings.clientId(), () -> provider(settings), env.clock());
        BrokerClient broker = new BrokerClient(http, settings.brokerUrl(), tokens);
        String json = new CredentialProcess(broker, env.clock(), env.sleeper(), err)
                .credentials(entitlement, draft(args, entitlement), wait);
        out.println(json);
    }

    private void configure(Args args) {
        args.allowOnly(union(union(CliSettings.OPTIONS, REQUEST_OPTIONS),
                Set.of("profile", "region", "aws-config", "command")));
        CliSettings settings = CliSettings.from(args, env);
        String profile = required(args, "profile");
        String entitlement = required(args, "entitlement");
        draft(args, entitlement);
        args.get("wait").ifPresent(w -> Durations.parse("wait", w));
        List<String> words = new ArrayList<>(command(args));
        words.addAll(List.of("credential-process", "--entitlement", entitlement,
                "--broker-url", settings.brokerUrl().toString(), "--issuer", settings.issuer(),
                "--client-id", settings.clientId()));
        if (settings.tokenFileChosen()) {
            words.addAll(List.of("--token-file", settings.tokenFile().toString()));
        }
        for (String option : List.of("reason", "duration", "ticket", "wait")) {
            args.get(option).ifPresent(value -> words.addAll(List.of("--" + option, value)));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("credential_process", ShellWords.join(words));
        args.get("region").ifPresent(region -> keys.put("region", region));
        AwsConfigFile config = new AwsConfigFile(args.get("aws-config").or(() -> env.variable("AWS_CONFIG_FILE"))
                .map(Path::of).orElse(env.home().resolve(".aws").resolve("config")));
        config.setProfile(profile, keys);
        err.println("Profile '" + profile + "' written to " + config.path() + ". Use it with: aws --profile "
                + profile + " sts get-caller-identity");
    }

    private Optional<NewRequest> draft(Args args, String entitlement) {
        Optional<Long> duration = args.get("duration").map(d -> Durations.parse("duration", d).toSeconds());
        if (duration.isPresent() && (duration.get() < 1 || duration.get() > 43_200)) {
            throw new CliException(ExitCode.USAGE, "--duration must be between 1 second and 12 hours");
        }
        Optional<String> reason = args.get("reason").map(String::trim).filter(r -> !r.isEmpty());
        if (reason.isEmpty() && (duration.isPresent() || args.get("ticket").isPresent())) {
            throw new CliException(ExitCode.USAGE, "--duration and --ticket describe a request: add --reason");
        }
        return reason.map(r -> new NewRequest(entitlement, r, duration, args.get("ticket")));
    }

    /** How the AWS CLI should start this program: --command, else this very jar with this very Java. */
    private static List<String> command(Args args) {
        Optional<String> given = args.get("command");
        if (given.isPresent()) {
            return List.of(given.get().trim().split("\\s+"));
        }
        try {
            Path location = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                return List.of(java, "-jar", location.toAbsolutePath().toString());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the explicit option
        }
        throw new CliException(ExitCode.USAGE, "cannot tell how this program was started: pass --command "
                + "(e.g. --command accessloop)");
    }

    private OidcProvider provider(CliSettings settings) {
        return new HttpOidcProvider(http, ProviderMetadata.discover(http, settings.issuer()), settings.clientId(),
                SCOPE, env.clock());
    }

    private static String required(Args args, String name) {
        return args.get(name).filter(v -> !v.isBlank()).orElseThrow(() -> new CliException(ExitCode.USAGE,
                "--" + name + " is required"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The e-mail claim of a JWT, for the greeting only (the broker is the one that verifies the token). */
    static Optional<String> emailOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return io.accessloop.cli.support.Json.text(io.accessloop.cli.support.Json.object(payload, "token"),
                    "email");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String usage() {
        return """
                accessloop - short-lived AWS credentials from the Accessloop broker

                  accessloop login                 sign in with the OIDC device flow (prints a code to enter in a browser)
                  accessloop logout                end the sign-in and remove the token file
                  accessloop credential-process --entitlement NAME [--reason TEXT] [--duration 1h] [--ticket ID] [--wait 10m]
                                                   print credential_process JSON for your active grant of NAME; without
                                                   one, wait for your pending request or (with --reason) file one
                  accessloop configure --profile P --entitlement NAME [--region R] [--reason ...] [--command CMD]
                                                   write [profile P] with credential_process into ~/.aws/config

                Common options (or environment variables):
                  --broker-url URL   ACCESSLOOP_BROKER_URL   (default http://localhost:8081)
                  --issuer URL       ACCESSLOOP_ISSUER       (default http://localhost:8180/realms/accessloop)
                  --client-id ID     ACCESSLOOP_CLIENT_ID    (default accessloop-cli)
                  --token-file PATH  ACCESSLOOP_TOKEN_FILE   (default ~/.config/accessloop/tokens.json, mode 0600)

                Exit codes: 0 ok, 1 failure, 2 usage, 3 not logged in, 4 refused by the broker, 5 request denied,
                cancelled or expired, 6 still waiting for approval, 7 login failed, 8 broker or identity provider unreachable.
                """;
    }
}
