package io.accessloop.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
    /** SDK operations whose IAM action has another name. */
    static final Map<String, String> IAM_ACTION_OF = Map.of(
            "s3:ListObjectsV2", "s3:ListBucket",
            "access-analyzer:ListFindingsV2", "access-analyzer:ListFindings",
            "access-analyzer:GetFindingV2", "access-analyzer:GetFinding");

    private static final Pattern METHOD =
            Pattern.compile("\\b(" + String.join("|", CLIENTS.keySet()) + ")\\s+(\\w+)\\s*\\(");
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
        List<String> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")
                            && p.getParent().getFileName().toString().equals("aws"))
                    .map(p -> ServiceConfig.stripCommentsAndStrings(Repository.read(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> clientMethods = new HashMap<>();
        sources.forEach(code -> clientMethods.putAll(clientMethods(code)));
        sources.forEach(code -> actions.addAll(calls(code, clientMethods)));
        return actions;
    }

    /** The actions one source file calls. */
    public static Set<String> inSource(String source) {
        String code = ServiceConfig.stripCommentsAndStrings(source);
        return calls(code, clientMethods(code));
    }

    /** Methods that hand out a client ({@code IamClient forAccount(String id)}), by name, with their service. */
    static Map<String, String> clientMethods(String code) {
        Map<String, String> methods = new HashMap<>();
        Matcher m = METHOD.matcher(code);
        while (m.find()) {
            methods.put(m.group(2), CLIENTS.get(m.group(1)));
        }
        return methods;
    }

    /**
     * Calls on client variables, on {@code var}s assigned from a client-returning method, and directly on such a
     * method's result ({@code accounts.forRole(arn).putRolePolicy(…)}).
     */
    private static Set<String> calls(String code, Map<String, String> clientMethods) {
        Map<String, String> variables = new HashMap<>();
        Matcher declaration = DECLARATION.matcher(code);
        while (declaration.find()) {
            variables.put(declaration.group(2), CLIENTS.get(declaration.group(1)));
        }
        Set<String> actions = new TreeSet<>();
        clientMethods.forEach((method, service) -> {
            Matcher assigned = Pattern.compile("\\bvar\\s+(\\w+)\\s*=\\s*[\\w.]*?\\b" + Pattern.quote(method)
                    + "\\s*\\(").matcher(code);
            while (assigned.find()) {
                variables.put(assigned.group(1), service);
            }
            Matcher chained = Pattern.compile("\\b" + Pattern.quote(method)
                    + "\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s*\\.\\s*(\\w+)\\s*\\(").matcher(code);
            while (chained.find()) {
                add(actions, service, chained.group(1));
            }
        });
        variables.forEach((variable, service) -> {
            Matcher call = Pattern.compile("\\b" + Pattern.quote(variable) + "\\s*\\.\\s*(\\w+)\\s*\\(")
                    .matcher(code);
            while (call.find()) {
                add(actions, service, call.group(1));
            }
        });
        return actions;
    }

    private static void add(Set<String> actions, String service, String method) {
        if (NOT_CALLS.contains(method)) {
            return;
        }
        if (method.endsWith("Paginator")) {
            method = method.substring(0, method.length() - "Paginator".length());
        }
        String operation = service + ":" + Character.toUpperCase(method.charAt(0)) + method.substring(1);
        actions.add(IAM_ACTION_OF.getOrDefault(operation, operation));
    }
}
