package io.accessloop.sandbox.analyzer;

import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import io.accessloop.sandbox.access.PolicyCache;
import io.accessloop.sandbox.advisor.AccessAdvisor;
import io.accessloop.sandbox.advisor.ServiceNames;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.iam.AccessKey;
import io.accessloop.sandbox.iam.Group;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.iam.ManagedPolicy;
import io.accessloop.sandbox.iam.Role;
import io.accessloop.sandbox.iam.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Unused access as an unused-access analyzer sees it, from the sandbox's own records: Access Advisor (every
 * authorised action of every identity), role last use and access key last use. An identity younger than the
 * unused-access age is not judged yet; an unused role gets one finding instead of one per service.
 */
final class UnusedAccessFinder {

    private final IamStore store;
    private final AccessAdvisor advisor;
    private final PolicyCache documents;

    UnusedAccessFinder(IamStore store, AccessAdvisor advisor, PolicyCache documents) {
        this.store = store;
        this.advisor = advisor;
        this.documents = documents;
    }

    List<UnusedFinding> find(int unusedAccessAgeDays, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(unusedAccessAgeDays));
        return store.read(() -> {
            List<UnusedFinding> out = new ArrayList<>();
            for (Role role : store.allRoles()) {
                if (role.arn().contains(":role/aws-service-role/") || role.createDate().isAfter(cutoff)) {
                    continue;
                }
                Map<String, Instant> usage = serviceUsage(role.arn());
                Instant last = latest(role.lastUsed(), usage.values().stream().max(Instant::compareTo).orElse(null));
                if (last == null || last.isBefore(cutoff)) {
                    out.add(new UnusedFinding("UnusedIAMRole", role.arn(), "AWS::IAM::Role", null,
                            Doc.of().with("unusedIamRoleDetails", Doc.of().with("lastAccessed", last))));
                    continue;
                }
                List<String> policies = new ArrayList<>(role.inlinePolicies().values());
                managed(role.attachedPolicyArns(), policies);
                permissions(role.arn(), "AWS::IAM::Role", policies, usage, cutoff, out);
            }
            for (User user : store.allUsers()) {
                if (user.createDate().isAfter(cutoff)) {
                    continue;
                }
                Map<String, Instant> usage = serviceUsage(user.arn());
                for (AccessKey key : store.keysOf(user.name())) {
                    if (key.lastUsedDate() != null && key.lastUsedService() != null) {
                        usage.merge(key.lastUsedService().toLowerCase(Locale.ROOT), key.lastUsedDate(),
                                UnusedAccessFinder::latest);
                    }
                    if (key.active() && !key.createDate().isAfter(cutoff)
                            && (key.lastUsedDate() == null || key.lastUsedDate().isBefore(cutoff))) {
                        out.add(new UnusedFinding("UnusedIAMUserAccessKey", user.arn(), "AWS::IAM::User", key.id(),
                                Doc.of().with("unusedIamUserAccessKeyDetails", Doc.of().with("accessKeyId", key.id())
                                        .with("lastAccessed", key.lastUsedDate()))));
                    }
                }
                Instant passwordCreated = user.passwordCreated();
                if (passwordCreated != null && !passwordCreated.isAfter(cutoff)
                        && (user.passwordLastUsed() == null || user.passwordLastUsed().isBefore(cutoff))) {
                    out.add(new UnusedFinding("UnusedIAMUserPassword", user.arn(), "AWS::IAM::User", null,
                            Doc.of().with("unusedIamUserPasswordDetails",
                                    Doc.of().with("lastAccessed", user.passwordLastUsed()))));
                }
                List<String> policies = new ArrayList<>(user.inlinePolicies().values());
                managed(user.attachedPolicyArns(), policies);
                for (String groupName : user.groups()) {
                    Group group = store.findGroup(groupName);
                    if (group != null) {
                        policies.addAll(group.inlinePolicies().values());
                        managed(group.attachedPolicyArns(), policies);
                    }
                }
                permissions(user.arn(), "AWS::IAM::User", policies, usage, cutoff, out);
            }
            return out;
        });
    }

    /** One finding per granted service not used since the cutoff, or whose named actions were not all used. */
    private void permissions(String arn, String resourceType, List<String> policyJson, Map<String, Instant> usage,
                             Instant cutoff, List<UnusedFinding> out) {
        Map<String, AccessAdvisor.Usage> byAction = advisor.usageOf(arn);
        Set<String> candidates = new TreeSet<>(ServiceNames.known());
        candidates.addAll(usage.keySet());
        Set<String> grantedServices = new TreeSet<>();
        Map<String, Set<String>> namedActions = new TreeMap<>();
        for (String json : policyJson) {
            PolicyDocument doc = documents.document(json);
            for (Statement s : doc.statements()) {
                if (!s.isAllow()) {
                    continue;
                }
                for (String service : candidates) {
                    if (grants(s, service)) {
                        grantedServices.add(service);
                    }
                }
                for (String action : s.actions()) {
                    int colon = action.indexOf(':');
                    if (colon > 0 && !Wildcards.hasWildcard(action)) {
                        namedActions.computeIfAbsent(action.substring(0, colon).toLowerCase(Locale.ROOT),
                                k -> new TreeSet<>()).add(action);
                    }
                }
            }
        }
        for (String service : grantedServices) {
            Instant serviceLast = usage.get(service);
            boolean serviceUnused = serviceLast == null || serviceLast.isBefore(cutoff);
            List<Doc> actions = new ArrayList<>();
            for (String action : namedActions.getOrDefault(service, Set.of())) {
                AccessAdvisor.Usage used = byAction.get(action.toLowerCase(Locale.ROOT));
                Instant actionLast = used == null ? null : used.time();
                if (actionLast == null || actionLast.isBefore(cutoff)) {
                    actions.add(Doc.of().with("action", action).with("lastAccessed", actionLast));
                }
            }
            if (serviceUnused || !actions.isEmpty()) {
                out.add(new UnusedFinding("UnusedPermission", arn, resourceType, service,
                        Doc.of().with("unusedPermissionDetails", Doc.of().with("serviceNamespace", service)
                                .with("lastAccessed", serviceLast).with("actions", actions))));
            }
        }
    }

    private static boolean grants(Statement s, String service) {
        if (!s.notActions().isEmpty()) {
            return s.notActions().stream().noneMatch(p -> p.equals("*") || p.equalsIgnoreCase(service + ":*"));
        }
        for (String action : s.actions()) {
            int colon = action.indexOf(':');
            String prefix = colon < 0 ? action : action.substring(0, colon);
            if (action.equals("*") || Wildcards.matches(prefix.toLowerCase(Locale.ROOT), service)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Instant> serviceUsage(String identityArn) {
        Map<String, Instant> out = new HashMap<>();
        for (AccessAdvisor.Usage u : advisor.usageOf(identityArn).values()) {
            out.merge(u.service(), u.time(), UnusedAccessFinder::latest);
        }
        return out;
    }

    private void managed(Iterable<String> arns, List<String> out) {
        for (String arn : arns) {
            ManagedPolicy p = store.findPolicy(arn);
            if (p != null) {
                out.add(p.defaultDocument());
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
