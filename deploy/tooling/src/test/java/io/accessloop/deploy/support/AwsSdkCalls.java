package io.accessloop.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS actions a module's code calls, read from its {@code aws} adapter packages (the only places allowed to import
 * the SDK): every method called on a variable of an SDK client type, as {@code service:Action}. Paginators count as
 * the call they page ({@code listRolePoliciesPaginator} is {@code iam:ListRolePolicies}).
 */
public final class AwsSdkCalls {

    /** SDK sync client types and the IAM service prefix of their actions. */
    static final Map<String, String> CLIENTS = Map.of(
            "IamClient", "iam",
            "StsClient", "sts",
            "ConfigClient", "config",
            "CloudTrailClient", "cloudtrail",
            "AccessAnalyzerClient", "access-analyzer",
            "OrganizationsClient", "organizations",
            "S3Client", "s3",
            "SqsClient", "sqs",
            "EventBridgeClient", "events",
            "IdentitystoreClient", "identitystore");

    private static final Pattern DECLARATION =
            Pattern.compile("\\b(" + String.join("|", CLIENTS.keySet()) + ")\\s+(\\w+)\\s*[;=,)]");
    private static final Set<String> NOT_CALLS = Set.of("close", "serviceName", "toString", "hashCode", "equals");

    private AwsSdkCalls() {
    }

    /** Every action called under {@code <module>/src/main/java/**}{@code /aws/}. */
    public static Set<String> of(String module) {
        Set<String> actions = new TreeSet<>();
        Path root = Repository.path(module + "/src/main/java");
        if (!Files.isDirectory(root)) {
            return actions;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java") && p.getParent().getFileName().toString().equals("aws"))
                    .forEach(p -> actions.addAll(inSource(Repository.read(p))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return actions;
    }

    /** The actions one source file calls. */
    public static Set<String> inSource(String source) {
        String code = ServiceConfig.stripCommentsAndStrings(source);
        Set<String> actions = new TreeSet<>();
        Matcher declaration = DECLARATION.matcher(code);
        while (declaration.find()) {
            String service = CLIENTS.get(declaration.group(1));
            Matcher call = Pattern.compile("\\b" + Pattern.quote(declaration.group(2)) + "\\s*\\.\\s*(\\w+)\\s*\\(")
                    .matcher(code);
            while (call.find()) {
                String method = call.group(1);
                if (NOT_CALLS.contains(method)) {
                    continue;
                }
                if (method.endsWith("Paginator")) {
                    method = method.substring(0, method.length() - "Paginator".length());
                }
                actions.add(service + ":" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            }
        }
        return actions;
    }
}
