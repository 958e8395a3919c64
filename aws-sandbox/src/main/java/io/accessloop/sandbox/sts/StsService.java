package io.accessloop.sandbox.sts;

import io.accessloop.iam.eval.EvaluationResult;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.eval.TrustDecision;
import io.accessloop.iam.eval.TrustEvaluator;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.sandbox.access.Authorizer;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.auth.KeyMaterial;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.iam.Role;
import io.accessloop.sandbox.protocol.QueryParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** STS: AssumeRole, GetCallerIdentity, GetSessionToken, GetFederationToken. */
public final class StsService {

    public static final Set<String> ACTIONS = Set.of("AssumeRole", "GetCallerIdentity", "GetSessionToken",
            "GetFederationToken");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\u0021-\\u007E]*/)?([\\w+=,.@-]+)");
    private static final int CHAINED_MAX = 3600;

    private final IamStore iam;
    private final SessionStore sessions;
    private final Authorizer authorizer;

    public StsService(IamStore iam, SessionStore sessions, Authorizer authorizer) {
        this.iam = iam;
        this.sessions = sessions;
        this.authorizer = authorizer;
    }

    /** The call as STS sees it. */
    public record StsCall(QueryParams params, Caller caller, Instant now, String sourceIp, String region) {
    }

    public Doc handle(StsCall call) {
        return switch (call.params().action()) {
            case "AssumeRole" -> assumeRole(call);
            case "GetCallerIdentity" -> Doc.of().with("UserId", call.caller().principalId())
                    .with("Account", call.caller().accountId()).with("Arn", call.caller().arn());
            case "GetSessionToken" -> sessionToken(call);
            case "GetFederationToken" -> federationToken(call);
            default -> throw new AwsError("InvalidAction", 400, "Could not find operation "
                    + call.params().action() + " for version 2011-06-15");
        };
    }

    /** The resource an STS call is recorded against. */
    public static String resourceOf(QueryParams params) {
        return "AssumeRole".equals(params.action()) ? params.getOr("RoleArn", "*") : "*";
    }

    private Doc assumeRole(StsCall call) {
        QueryParams p = call.params();
        Caller caller = call.caller();
        String roleArn = p.required("RoleArn");
        var matcher = ROLE_ARN.matcher(roleArn);
        if (roleArn.length() < 20 || roleArn.length() > 2048 || !matcher.matches()) {
            throw AwsError.validation("Invalid ARN: " + roleArn);
        }
        String sessionName = validName(p.required("RoleSessionName"), "roleSessionName", 2, 64);
        String sourceIdentity = p.get("SourceIdentity");
        if (sourceIdentity != null) {
            validName(sourceIdentity, "sourceIdentity", 2, 64);
            if (sourceIdentity.toLowerCase().startsWith("aws:")) {
                throw AwsError.validation("SourceIdentity cannot start with the prefix 'aws:'");
            }
            if (caller.sourceIdentity() != null && !caller.sourceIdentity().equals(sourceIdentity)) {
                throw AwsError.accessDenied("User: " + caller.arn() + " is not authorized to perform: "
                        + "sts:SetSourceIdentity: the source identity of a session cannot be changed");
            }
        }
        String effectiveSourceIdentity = sourceIdentity != null ? sourceIdentity : caller.sourceIdentity();
        Map<String, String> requestTags = p.tags("Tags");
        List<String> transitive = p.members("TransitiveTagKeys");
        for (String key : transitive) {
            if (requestTags.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
                throw new AwsError("InvalidParameterValue", 400,
                        "The specified transitive tag key must be included in the requested tags.");
            }
        }
        Map<String, String> sessionTags = new LinkedHashMap<>();
        Set<String> transitiveKeys = new LinkedHashSet<>();
        for (String inherited : caller.transitiveTagKeys()) {
            sessionTags.put(inherited, caller.sessionTags().get(inherited));
            transitiveKeys.add(inherited);
        }
        for (Map.Entry<String, String> tag : requestTags.entrySet()) {
            if (transitiveKeys.stream().anyMatch(k -> k.equalsIgnoreCase(tag.getKey()))) {
                throw new AwsError("InvalidParameterValue", 400, "One or more of the specified session tags "
                        + "conflict with transitive tags from the calling session.");
            }
            sessionTags.put(tag.getKey(), tag.getValue());
        }
        transitiveKeys.addAll(transitive);
        SessionPolicies sessionPolicies = sessionPolicies(p);
        boolean chained = caller.type() == Caller.Type.ASSUMED_ROLE;
        Integer requested = p.integer("DurationSeconds");

        RoleView role = iam.read(() -> {
            Role found = iam.findRole(matcher.group(2));
            return found == null ? null : new RoleView(found, found.name(), found.arn(), found.id(),
                    found.trustPolicy(), found.maxSessionDuration());
        });
        if (role == null || !role.arn().equals(roleArn) || !matcher.group(1).equals(iam.accountId())) {
            throw Authorizer.denied(caller, "sts:AssumeRole", roleArn,
                    io.accessloop.iam.eval.Decision.IMPLICIT_DENY);
        }
        int duration = duration(requested, role.maxSessionDuration(), chained);

        RequestContext.Builder context = authorizer.context(caller, call.now(), call.sourceIp(), call.region())
                .put("sts:RoleSessionName", sessionName)
                .putRequestTags(requestTags);
        if (sourceIdentity != null) {
            context.put("sts:SourceIdentity", sourceIdentity);
        }
        if (!transitive.isEmpty()) {
            context.put("sts:TransitiveTagKeys", transitive);
        }
        if (p.get("ExternalId") != null) {
            context.put("sts:ExternalId", p.get("ExternalId"));
        }
        PolicyDocument trust = authorizer.principals().documents().document(role.trustPolicy());
        PolicySet callerPolicies = caller.type() == Caller.Type.ROOT ? RootPolicies.ALL
                : authorizer.principals().of(caller).exists() ? authorizer.policiesOf(caller) : null;
        TrustDecision decision = TrustEvaluator.assumeRole(trust, role.arn(), caller.arn(), context.build(),
                callerPolicies, sourceIdentity != null, !requestTags.isEmpty());
        if (!decision.allowed()) {
            EvaluationResult refusal = decision.refusal();
            String action = refusal == decision.assumeRole() ? "sts:AssumeRole"
                    : refusal == decision.setSourceIdentity() ? "sts:SetSourceIdentity" : "sts:TagSession";
            throw Authorizer.denied(caller, action, roleArn, refusal.decision());
        }

        Instant expiration = call.now().plusSeconds(duration);
        String accessKeyId = Ids.accessKeyId(true);
        String sessionArn = "arn:aws:sts::" + iam.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
        String principalId = role.id() + ":" + sessionName;
        Caller session = new Caller(Caller.Type.ASSUMED_ROLE, iam.accountId(), sessionArn, principalId, accessKeyId,
                null, role.name(), role.arn(), role.id(), sessionName, effectiveSourceIdentity,
                Map.copyOf(sessionTags), Set.copyOf(transitiveKeys), call.now(), sessionPolicies.documents,
                sessionPolicies.arns, chained, false);
        KeyMaterial key = new KeyMaterial(accessKeyId, Ids.secretAccessKey(), Ids.sessionToken(), expiration, true);
        sessions.add(new Session(key, session), call.now());
        role.entity().markUsed(call.now(), call.region());
        int packed = packedSize(sessionPolicies, sessionTags);
        return Doc.of()
                .with("Credentials", credentials(key))
                .with("AssumedRoleUser", Doc.of().with("AssumedRoleId", principalId).with("Arn", sessionArn))
                .with("PackedPolicySize", packed)
                .with("SourceIdentity", effectiveSourceIdentity);
    }

    /** The role's fields read under the IAM read lock. */
    private record RoleView(Role entity, String name, String arn, String id, String trustPolicy,
                            int maxSessionDuration) {
    }

    private static int duration(Integer requested, int roleMax, boolean chained) {
        int duration = requested == null ? 3600 : requested;
        if (duration < 900) {
            throw AwsError.validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value greater than or equal to 900");
        }
        if (duration > 43_200) {
            throw AwsError.validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value less than or equal to 43200");
        }
        if (chained && duration > CHAINED_MAX) {
            throw AwsError.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (duration > roleMax) {
            throw AwsError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                    + "role.");
        }
        return duration;
    }

    private record SessionPolicies(List<String> documents, List<String> arns, int characters) {
    }

    private SessionPolicies sessionPolicies(QueryParams p) {
        List<String> documents = new ArrayList<>();
        int characters = 0;
        String policy = p.get("Policy");
        if (policy != null) {
            try {
                String json = PolicyParser.decode(policy);
                for (int i = 0; i < json.length(); i++) {
                    characters += Character.isWhitespace(json.charAt(i)) ? 0 : 1;
                }
                if (characters > 2048) {
                    throw new AwsError("PackedPolicyTooLarge", 400, "Packed policy consumes "
                            + (characters * 100 / 2048) + "% of allotted space, please use smaller policy.");
                }
                PolicyParser.parse(json, PolicyKind.IDENTITY);
                documents.add(json);
            } catch (MalformedPolicyException e) {
                throw AwsError.malformedPolicy(e.iamMessage());
            }
        }
        List<String> arns = new ArrayList<>();
        for (Map<String, String> ref : p.memberStructs("PolicyArns")) {
            String arn = ref.get("arn");
            if (arn == null || !arn.startsWith("arn:aws:iam::")) {
                throw AwsError.validation("Invalid policy ARN: " + arn);
            }
            arns.add(arn);
        }
        if (arns.size() > 10) {
            throw AwsError.validation("1 validation error detected: Value at 'policyArns' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 10");
        }
        return new SessionPolicies(List.copyOf(documents), List.copyOf(arns), characters);
    }

    private static int packedSize(SessionPolicies policies, Map<String, String> tags) {
        int size = policies.characters;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            size += tag.getKey().length() + tag.getValue().length();
        }
        return Math.min(100, size * 100 / 2048);
    }

    private static String validName(String value, String field, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length between " + min + " and " + max);
        }
        if (!SESSION_NAME.matcher(value).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        return value;
    }

    private static Doc credentials(KeyMaterial key) {
        return Doc.of().with("AccessKeyId", key.accessKeyId()).with("SecretAccessKey", key.secretAccessKey())
                .with("SessionToken", key.sessionToken()).with("Expiration", key.expiration());
    }

    private static int longTermDuration(Integer requested, Caller caller) {
        int max = caller.type() == Caller.Type.ROOT ? 3600 : 129_600;
        int duration = requested == null ? Math.min(43_200, max) : requested;
        if (duration < 900 || duration > max) {
            throw AwsError.validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value between 900 and " + max);
        }
        return duration;
    }

    private void requireLongTermCredentials(Caller caller, String action) {
        if (caller.isSession()) {
            throw AwsError.accessDenied("Cannot call " + action + " with session credentials");
        }
    }

    private Doc sessionToken(StsCall call) {
        Caller caller = call.caller();
        requireLongTermCredentials(caller, "GetSessionToken");
        int duration = longTermDuration(call.params().integer("DurationSeconds"), caller);
        String serial = call.params().get("SerialNumber");
        String code = call.params().get("TokenCode");
        if ((serial == null) != (code == null)) {
            throw AwsError.validation("SerialNumber and TokenCode must be provided together");
        }
        if (code != null && !code.matches("\\d{6}")) {
            throw AwsError.accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        Instant expiration = call.now().plusSeconds(duration);
        String accessKeyId = Ids.accessKeyId(true);
        Caller session = new Caller(caller.type(), caller.accountId(), caller.arn(), caller.principalId(), accessKeyId,
                caller.userName(), null, null, null, null, null, Map.of(), Set.of(), call.now(), List.of(), List.of(),
                false, code != null);
        KeyMaterial key = new KeyMaterial(accessKeyId, Ids.secretAccessKey(), Ids.sessionToken(), expiration, true);
        sessions.add(new Session(key, session), call.now());
        return Doc.of().with("Credentials", credentials(key));
    }

    private Doc federationToken(StsCall call) {
        Caller caller = call.caller();
        requireLongTermCredentials(caller, "GetFederationToken");
        if (caller.type() == Caller.Type.ROOT) {
            throw AwsError.accessDenied("The account root cannot call GetFederationToken in the sandbox; use an "
                    + "IAM user's keys");
        }
        String name = validName(call.params().required("Name"), "name", 2, 32);
        int duration = longTermDuration(call.params().integer("DurationSeconds"), caller);
        SessionPolicies policies = sessionPolicies(call.params());
        Map<String, String> tags = call.params().tags("Tags");
        authorizer.require(caller, "sts:GetFederationToken", "arn:aws:sts::" + iam.accountId() + ":federated-user/"
                + name, call.now(), call.sourceIp(), call.region(), b -> b.putRequestTags(tags));
        Instant expiration = call.now().plusSeconds(duration);
        String accessKeyId = Ids.accessKeyId(true);
        String arn = "arn:aws:sts::" + iam.accountId() + ":federated-user/" + name;
        String federatedUserId = iam.accountId() + ":" + name;
        Caller session = new Caller(Caller.Type.FEDERATED_USER, iam.accountId(), arn, federatedUserId, accessKeyId,
                caller.userName(), null, null, null, name, null, Map.copyOf(tags), Set.of(), call.now(),
                policies.documents, policies.arns, false, false);
        KeyMaterial key = new KeyMaterial(accessKeyId, Ids.secretAccessKey(), Ids.sessionToken(), expiration, true);
        sessions.add(new Session(key, session), call.now());
        return Doc.of().with("Credentials", credentials(key))
                .with("FederatedUser", Doc.of().with("FederatedUserId", federatedUserId).with("Arn", arn))
                .with("PackedPolicySize", packedSize(policies, tags));
    }
}
