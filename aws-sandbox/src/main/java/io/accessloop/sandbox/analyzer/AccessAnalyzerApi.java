package io.accessloop.sandbox.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.sandbox.access.PolicyCache;
import io.accessloop.sandbox.advisor.AccessAdvisor;
import io.accessloop.sandbox.cloudtrail.TrailLog;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.iam.IamStore;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * IAM Access Analyzer over its REST-JSON protocol: unused-access analyzers and their findings (computed from the
 * sandbox's recorded usage), CheckNoNewAccess, ValidatePolicy and policy generation from CloudTrail.
 */
public final class AccessAnalyzerApi {

    /** The SigV4 signing name and IAM service prefix. */
    public static final String SERVICE = "access-analyzer";

    private static final Pattern ANALYZER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,254}");
    private static final Duration DEFAULT_GENERATION_WINDOW = Duration.ofDays(90);

    /** One request, routed: the operation (the IAM action name) and its path parameter. */
    public record Request(String operation, String pathParameter, Map<String, String> query, JsonNode body,
                          Instant now) {
    }

    private record GenerationJob(String jobId, String principalArn, Instant startedOn, Instant start, Instant end,
                                 List<Doc> trails, List<String> policies, Doc error) {
    }

    private final String accountId;
    private final String region;
    private final UnusedAccessFinder finder;
    private final PolicyGenerator generator;
    private final IamStore store;
    private final Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    private final Map<String, FindingLedger> ledgers = new ConcurrentHashMap<>();
    private final Map<String, GenerationJob> jobs = new LinkedHashMap<>();

    public AccessAnalyzerApi(String accountId, String region, IamStore store, AccessAdvisor advisor,
                             PolicyCache documents, TrailLog trail) {
        this.accountId = accountId;
        this.region = region;
        this.store = store;
        this.finder = new UnusedAccessFinder(store, advisor, documents);
        this.generator = new PolicyGenerator(trail);
    }

    /** Whether the path belongs to Access Analyzer's REST API. */
    public static boolean handles(String path) {
        return path.equals("/analyzer") || path.startsWith("/analyzer/") || path.equals("/findingv2")
                || path.startsWith("/findingv2/") || path.startsWith("/policy/");
    }

    /** The operation for a method and path, or null when Access Analyzer has none there. */
    public static String[] route(String method, String path) {
        String[] parts = path.substring(1).split("/", -1);
        String tail = parts.length > 1 ? decode(String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length)))
                : null;
        switch (parts[0]) {
            case "analyzer":
                if (tail == null) {
                    return method.equals("PUT") ? op("CreateAnalyzer", null)
                            : method.equals("GET") ? op("ListAnalyzers", null) : null;
                }
                if (tail.isEmpty() || tail.contains("/")) {
                    return null;
                }
                return method.equals("GET") ? op("GetAnalyzer", tail)
                        : method.equals("DELETE") ? op("DeleteAnalyzer", tail) : null;
            case "findingv2":
                if (tail == null) {
                    return method.equals("POST") ? op("ListFindingsV2", null) : null;
                }
                return method.equals("GET") && !tail.isEmpty() && !tail.contains("/") ? op("GetFindingV2", tail)
                        : null;
            case "policy":
                if ("check-no-new-access".equals(tail) && method.equals("POST")) {
                    return op("CheckNoNewAccess", null);
                }
                if ("validation".equals(tail) && method.equals("POST")) {
                    return op("ValidatePolicy", null);
                }
                if ("generation".equals(tail)) {
                    return method.equals("PUT") ? op("StartPolicyGeneration", null)
                            : method.equals("GET") ? op("ListPolicyGenerations", null) : null;
                }
                if (tail != null && tail.startsWith("generation/") && method.equals("GET")
                        && tail.length() > "generation/".length() && tail.indexOf('/', 11) < 0) {
                    return op("GetGeneratedPolicy", tail.substring("generation/".length()));
                }
                return null;
            default:
                return null;
        }
    }

    private static String[] op(String operation, String parameter) {
        return new String[] {operation, parameter};
    }

    /** The IAM action that authorises an operation: the V2 finding calls use their V1 actions, as in AWS. */
    public static String permissionOf(String operation) {
        return switch (operation) {
            case "ListFindingsV2" -> SERVICE + ":ListFindings";
            case "GetFindingV2" -> SERVICE + ":GetFinding";
            default -> SERVICE + ":" + operation;
        };
    }

    public static boolean readOnly(String operation) {
        return operation.startsWith("Get") || operation.startsWith("List") || operation.equals("CheckNoNewAccess")
                || operation.equals("ValidatePolicy");
    }

    /** The resource the call is authorised on: the analyzer's ARN for analyzer calls, else {@code *}. */
    public String resourceOf(Request r) {
        return switch (r.operation()) {
            case "CreateAnalyzer" -> analyzerArn(r.body().path("analyzerName").asText(""));
            case "GetAnalyzer", "DeleteAnalyzer" -> analyzerArn(r.pathParameter());
            case "ListFindingsV2" -> r.body().path("analyzerArn").asText("*");
            case "GetFindingV2" -> r.query().getOrDefault("analyzerArn", "*");
            default -> "*";
        };
    }

    public String analyzerArn(String name) {
        return "arn:aws:access-analyzer:" + region + ":" + accountId + ":analyzer/" + name;
    }

    public synchronized void clear() {
        analyzers.clear();
        ledgers.clear();
        jobs.clear();
    }

    public Doc handle(Request r) {
        return switch (r.operation()) {
            case "CreateAnalyzer" -> createAnalyzer(r.body(), r.now());
            case "ListAnalyzers" -> listAnalyzers(r.query());
            case "GetAnalyzer" -> Doc.of().with("analyzer", analyzer(r.pathParameter()).summary(r.now()));
            case "DeleteAnalyzer" -> deleteAnalyzer(r.pathParameter());
            case "ListFindingsV2" -> listFindings(r.body(), r.now());
            case "GetFindingV2" -> getFinding(r.pathParameter(), r.query(), r.now());
            case "CheckNoNewAccess" -> checkNoNewAccess(r.body());
            case "ValidatePolicy" -> validatePolicy(r.body(), r.query());
            case "StartPolicyGeneration" -> startGeneration(r.body(), r.now());
            case "GetGeneratedPolicy" -> getGeneratedPolicy(r.pathParameter());
            case "ListPolicyGenerations" -> listGenerations(r.query());
            default -> throw new AwsError("UnknownOperationException", 404, "Unknown operation " + r.operation());
        };
    }

    /** Creates an analyzer outside the API (the demo scenario); returns its ARN. */
    public synchronized String create(String name, int unusedAccessAgeDays, Instant now) {
        Analyzer a = new Analyzer(name, analyzerArn(name), Analyzer.UNUSED_ACCESS, now, unusedAccessAgeDays, Map.of());
        analyzers.put(name, a);
        return a.arn();
    }

    private synchronized Doc createAnalyzer(JsonNode body, Instant now) {
        String name = requiredText(body, "analyzerName");
        if (!ANALYZER_NAME.matcher(name).matches()) {
            throw AnalyzerErrors.validation("analyzerName must start with a letter and contain only letters, "
                    + "digits, '_', '.' and '-' (at most 255 characters)");
        }
        String type = requiredText(body, "type");
        if (!type.equals(Analyzer.UNUSED_ACCESS)) {
            throw AnalyzerErrors.validation("The sandbox supports analyzers of type " + Analyzer.UNUSED_ACCESS
                    + " only, not " + type);
        }
        JsonNode unused = body.path("configuration").path("unusedAccess");
        int age = 90;
        if (unused.has("unusedAccessAge")) {
            JsonNode ageNode = unused.get("unusedAccessAge");
            if (!ageNode.canConvertToInt() || ageNode.asInt() < 1 || ageNode.asInt() > 365) {
                throw AnalyzerErrors.validation("unusedAccessAge must be between 1 and 365 days");
            }
            age = ageNode.asInt();
        }
        if (analyzers.containsKey(name)) {
            throw AnalyzerErrors.conflict("An analyzer named " + name + " already exists.");
        }
        if (analyzers.values().stream().anyMatch(a -> a.type().equals(type))) {
            throw new AwsError("ServiceQuotaExceededException", 402, "An account may have one analyzer of type "
                    + type + " per region.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        Analyzer a = new Analyzer(name, analyzerArn(name), type, now, age, Map.copyOf(tags));
        analyzers.put(name, a);
        return Doc.of().with("arn", a.arn());
    }

    private synchronized Doc listAnalyzers(Map<String, String> query) {
        String type = query.get("type");
        List<Doc> all = analyzers.values().stream().filter(a -> type == null || a.type().equals(type))
                .map(a -> a.summary(null)).map(d -> (Doc) d).toList();
        Doc out = Doc.of();
        out.with("analyzers", page(all, maxResults(query.get("maxResults"), 100), query.get("nextToken"), out));
        return out;
    }

    private synchronized Doc deleteAnalyzer(String name) {
        Analyzer a = analyzer(name);
        analyzers.remove(name);
        ledgers.remove(a.arn());
        return Doc.of();
    }

    private synchronized Analyzer analyzer(String name) {
        Analyzer a = analyzers.get(name);
        if (a == null) {
            throw AnalyzerErrors.notFound("Analyzer " + name + " not found.");
        }
        return a;
    }

    private Analyzer analyzerByArn(String arn) {
        if (arn == null || arn.isEmpty()) {
            throw AnalyzerErrors.validation("analyzerArn is required");
        }
        String prefix = analyzerArn("");
        if (!arn.startsWith(prefix)) {
            if (!arn.startsWith("arn:aws:access-analyzer:")) {
                throw AnalyzerErrors.validation("analyzerArn " + arn + " is not an analyzer ARN");
            }
            throw AnalyzerErrors.notFound("Analyzer " + arn + " not found.");
        }
        Analyzer a;
        synchronized (this) {
            a = analyzers.get(arn.substring(prefix.length()));
        }
        if (a == null) {
            throw AnalyzerErrors.notFound("Analyzer " + arn + " not found.");
        }
        return a;
    }

    private List<FindingLedger.Tracked> findings(Analyzer a, Instant now) {
        List<UnusedFinding> current = finder.find(a.unusedAccessAgeDays(), now);
        return ledgers.computeIfAbsent(a.arn(), k -> new FindingLedger()).refresh(a.arn(), current, now);
    }

    private Doc listFindings(JsonNode body, Instant now) {
        Analyzer a = analyzerByArn(body.path("analyzerArn").asText(null));
        Predicate<FindingLedger.Tracked> filter = FindingFilter.of(body.get("filter"), accountId);
        int max = maxResults(body.get("maxResults") == null ? null : body.get("maxResults").asText(), 100);
        String token = body.hasNonNull("nextToken") ? body.get("nextToken").asText() : null;
        List<FindingLedger.Tracked> matching = new ArrayList<>(findings(a, now).stream().filter(filter).toList());
        matching.sort(order(body.get("sort")));
        List<Doc> summaries = matching.stream().map(t -> t.summary(accountId)).toList();
        Doc out = Doc.of();
        out.with("findings", page(summaries, max, token, out));
        return out;
    }

    private static Comparator<FindingLedger.Tracked> order(JsonNode sort) {
        Comparator<FindingLedger.Tracked> byResource = Comparator
                .comparing((FindingLedger.Tracked t) -> t.finding().resource())
                .thenComparing(t -> t.finding().findingType()).thenComparing(FindingLedger.Tracked::id);
        if (sort == null || sort.isNull()) {
            return byResource;
        }
        String attribute = sort.path("attributeName").asText("");
        Comparator<FindingLedger.Tracked> by = switch (attribute) {
            case "createdAt" -> Comparator.comparing(FindingLedger.Tracked::createdAt);
            case "updatedAt" -> Comparator.comparing(FindingLedger.Tracked::updatedAt);
            case "resource" -> Comparator.comparing((FindingLedger.Tracked t) -> t.finding().resource());
            case "findingType" -> Comparator.comparing((FindingLedger.Tracked t) -> t.finding().findingType());
            case "resourceType" -> Comparator.comparing((FindingLedger.Tracked t) -> t.finding().resourceType());
            default -> throw AnalyzerErrors.validation("sort.attributeName must be one of createdAt, updatedAt, "
                    + "resource, resourceType, findingType");
        };
        String orderBy = sort.path("orderBy").asText("ASC");
        if (!orderBy.equals("ASC") && !orderBy.equals("DESC")) {
            throw AnalyzerErrors.validation("sort.orderBy must be ASC or DESC");
        }
        by = by.thenComparing(byResource);
        return orderBy.equals("DESC") ? by.reversed() : by;
    }

    private Doc getFinding(String id, Map<String, String> query, Instant now) {
        Analyzer a = analyzerByArn(query.get("analyzerArn"));
        maxResults(query.get("maxResults"), 100);
        FindingLedger.Tracked t = findings(a, now).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> AnalyzerErrors.notFound("Finding " + id + " not found."));
        Doc out = t.summary(accountId);
        out.with("findingDetails", List.of(t.finding().details()));
        return out;
    }

    private Doc checkNoNewAccess(JsonNode body) {
        PolicyKind kind = kind(requiredText(body, "policyType"), false);
        PolicyDocument proposed = parse(requiredText(body, "newPolicyDocument"), kind, "newPolicyDocument");
        PolicyDocument existing = parse(requiredText(body, "existingPolicyDocument"), kind,
                "existingPolicyDocument");
        return NoNewAccessCheck.check(proposed, existing);
    }

    private static PolicyDocument parse(String text, PolicyKind kind, String field) {
        try {
            return PolicyParser.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw AnalyzerErrors.invalidParameter("The " + field + " is not a valid policy: " + e.getMessage()
                    + ". Use ValidatePolicy to see every error.");
        }
    }

    private Doc validatePolicy(JsonNode body, Map<String, String> query) {
        PolicyKind kind = kind(requiredText(body, "policyType"), true);
        String document = requiredText(body, "policyDocument");
        List<Doc> all = PolicyValidator.validate(document, kind);
        Doc out = Doc.of();
        out.with("findings", page(all, maxResults(query.get("maxResults"), 100), query.get("nextToken"), out));
        return out;
    }

    private static PolicyKind kind(String policyType, boolean organisationPolicies) {
        return switch (policyType) {
            case "IDENTITY_POLICY" -> PolicyKind.IDENTITY;
            case "RESOURCE_POLICY" -> PolicyKind.RESOURCE;
            case "SERVICE_CONTROL_POLICY" -> {
                if (!organisationPolicies) {
                    throw AnalyzerErrors.validation("policyType must be IDENTITY_POLICY or RESOURCE_POLICY");
                }
                yield PolicyKind.IDENTITY;
            }
            case "RESOURCE_CONTROL_POLICY" -> {
                if (!organisationPolicies) {
                    throw AnalyzerErrors.validation("policyType must be IDENTITY_POLICY or RESOURCE_POLICY");
                }
                yield PolicyKind.RESOURCE;
            }
            default -> throw AnalyzerErrors.validation("policyType " + policyType + " is not valid");
        };
    }

    private Doc startGeneration(JsonNode body, Instant now) {
        String principalArn = body.path("policyGenerationDetails").path("principalArn").asText("");
        if (!principalArn.matches("arn:aws:iam::\\d{12}:(role|user)/.+")) {
            throw AnalyzerErrors.validation("policyGenerationDetails.principalArn must be the ARN of an IAM role "
                    + "or user");
        }
        JsonNode cloudTrail = body.path("cloudTrailDetails");
        Instant end = time(cloudTrail, "endTime", now);
        Instant start = time(cloudTrail, "startTime", end.minus(DEFAULT_GENERATION_WINDOW));
        if (!start.isBefore(end)) {
            throw AnalyzerErrors.validation("cloudTrailDetails.startTime must be before endTime");
        }
        if (end.isAfter(now)) {
            end = now;
        }
        List<Doc> trails = new ArrayList<>();
        for (JsonNode t : cloudTrail.path("trails")) {
            List<String> regions = new ArrayList<>();
            t.path("regions").forEach(r -> regions.add(r.asText()));
            trails.add(Doc.of().with("cloudTrailArn", t.path("cloudTrailArn").asText(null)).with("regions", regions)
                    .with("allRegions", t.path("allRegions").asBoolean(false)));
        }
        String jobId = UUID.randomUUID().toString();
        String name = principalArn.substring(principalArn.lastIndexOf('/') + 1);
        boolean exists = store.read(() -> principalArn.contains(":role/")
                ? store.findRole(name) != null && store.findRole(name).arn().equals(principalArn)
                : store.findUser(name) != null && store.findUser(name).arn().equals(principalArn));
        GenerationJob job = exists
                ? new GenerationJob(jobId, principalArn, now, start, end, trails,
                        generator.generate(principalArn, start, end), null)
                : new GenerationJob(jobId, principalArn, now, start, end, trails, List.of(),
                        Doc.of().with("code", "RESOURCE_NOT_FOUND_ERROR")
                                .with("message", "The principal " + principalArn + " does not exist."));
        synchronized (this) {
            jobs.put(jobId, job);
        }
        return Doc.of().with("jobId", jobId);
    }

    private synchronized Doc getGeneratedPolicy(String jobId) {
        GenerationJob job = jobs.get(jobId);
        if (job == null) {
            throw AnalyzerErrors.notFound("Policy generation job " + jobId + " not found.");
        }
        Doc out = Doc.of().with("jobDetails", jobDetails(job));
        if (job.error() == null) {
            out.with("generatedPolicyResult", Doc.of()
                    .with("properties", Doc.of().with("isComplete", true).with("principalArn", job.principalArn())
                            .with("cloudTrailProperties", Doc.of().with("trailProperties", job.trails())
                                    .with("startTime", job.start()).with("endTime", job.end())))
                    .with("generatedPolicies", job.policies().stream().map(p -> Doc.of().with("policy", p)).toList()));
        }
        return out;
    }

    private static Doc jobDetails(GenerationJob job) {
        return Doc.of().with("jobId", job.jobId()).with("status", job.error() == null ? "SUCCEEDED" : "FAILED")
                .with("startedOn", job.startedOn()).with("completedOn", job.startedOn()).with("jobError", job.error());
    }

    private synchronized Doc listGenerations(Map<String, String> query) {
        String principal = query.get("principalArn");
        List<Doc> all = jobs.values().stream().filter(j -> principal == null || j.principalArn().equals(principal))
                .map(j -> {
                    Doc d = jobDetails(j);
                    d.remove("jobError");
                    return d.with("principalArn", j.principalArn());
                }).toList();
        Doc out = Doc.of();
        out.with("policyGenerations", page(all, maxResults(query.get("maxResults"), 100), query.get("nextToken"), out));
        return out;
    }

    private static Instant time(JsonNode parent, String field, Instant fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        try {
            if (node.isNumber()) {
                return Instant.ofEpochMilli(new BigDecimal(node.asText()).movePointRight(3).longValue());
            }
            return Instant.parse(node.asText());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw AnalyzerErrors.validation(field + " is not a valid timestamp");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isEmpty()) {
            throw AnalyzerErrors.validation(field + " is required and must be a non-empty string");
        }
        return node.asText();
    }

    private static int maxResults(String text, int fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 1 || value > 1000) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw AnalyzerErrors.validation("maxResults must be a number between 1 and 1000");
        }
    }

    /** One page of {@code all}; puts {@code nextToken} into {@code out} when more follow. */
    private static List<Doc> page(List<Doc> all, int max, String token, Doc out) {
        int start = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!text.startsWith("offset:")) {
                    throw new IllegalArgumentException();
                }
                start = Integer.parseInt(text.substring(7));
                if (start < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw AnalyzerErrors.validation("Invalid nextToken");
            }
        }
        int end = Math.min(all.size(), start + max);
        if (end < all.size()) {
            out.with("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return start >= all.size() ? List.of() : new ArrayList<>(all.subList(start, end));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
