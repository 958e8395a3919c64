package io.accessloop.sandbox.advisor;

import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import io.accessloop.sandbox.access.PolicyCache;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;
import io.accessloop.sandbox.iam.Group;
import io.accessloop.sandbox.iam.IamAction;
import io.accessloop.sandbox.iam.IamRegistry;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.iam.ManagedPolicy;
import io.accessloop.sandbox.iam.Role;
import io.accessloop.sandbox.iam.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** GenerateServiceLastAccessedDetails / GetServiceLastAccessedDetails over the recorded usage. */
public final class LastAccessedActions {

    private record Job(String granularity, Instant created, List<Doc> services) {
    }

    private final IamStore store;
    private final AccessAdvisor advisor;
    private final PolicyCache documents;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public LastAccessedActions(IamStore store, AccessAdvisor advisor, PolicyCache documents) {
        this.store = store;
        this.advisor = advisor;
        this.documents = documents;
    }

    public void register(IamRegistry registry) {
        registry.register(new IamAction("GenerateServiceLastAccessedDetails", false,
                c -> c.params().getOr("Arn", "*"), c -> {
            String arn = c.params().required("Arn");
            String granularity = c.params().getOr("Granularity", "SERVICE_LEVEL");
            if (!granularity.equals("SERVICE_LEVEL") && !granularity.equals("ACTION_LEVEL")) {
                throw AwsError.validation("1 validation error detected: Value '" + granularity + "' at "
                        + "'granularity' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[SERVICE_LEVEL, ACTION_LEVEL]");
            }
            List<Doc> services = store.read(() -> report(arn, granularity.equals("ACTION_LEVEL")));
            String jobId = Ids.requestId();
            jobs.put(jobId, new Job(granularity, c.now(), services));
            return Doc.of().with("JobId", jobId);
        }));
        registry.register(new IamAction("GetServiceLastAccessedDetails", true, c -> "*", c -> {
            String jobId = c.params().required("JobId");
            Job job = jobs.get(jobId);
            if (job == null) {
                throw AwsError.noSuchEntity("Job " + jobId + " does not exist.");
            }
            Doc out = Doc.of().with("JobStatus", "COMPLETED").with("JobType", job.granularity)
                    .with("JobCreationDate", job.created).with("JobCompletionDate", job.created);
            Doc paging = Doc.of();
            List<Doc> page = pageOf(c.params(), job.services, paging);
            out.with("ServicesLastAccessed", page);
            out.putAll(paging);
            return out;
        }));
    }

    private static List<Doc> pageOf(io.accessloop.sandbox.protocol.QueryParams p, List<Doc> all, Doc paging) {
        Integer maxItems = p.integer("MaxItems");
        int max = maxItems == null ? 100 : maxItems;
        int start = 0;
        String marker = p.get("Marker");
        if (marker != null) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw AwsError.validation("Invalid Marker: " + marker);
            }
        }
        int end = Math.min(all.size(), start + max);
        paging.with("IsTruncated", end < all.size());
        if (end < all.size()) {
            paging.with("Marker", Integer.toString(end));
        }
        return start >= all.size() ? List.of() : new ArrayList<>(all.subList(start, end));
    }

    public void clear() {
        jobs.clear();
    }

    private List<Doc> report(String arn, boolean actionLevel) {
        List<String> policyDocuments = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        collect(arn, policyDocuments, identities);
        Set<String> grantedActions = new TreeSet<>();
        for (String json : policyDocuments) {
            PolicyDocument doc = documents.document(json);
            for (Statement s : doc.statements()) {
                if (s.isAllow() && s.actions() != null) {
                    grantedActions.addAll(s.actions());
                }
            }
        }
        Map<String, List<AccessAdvisor.Usage>> usageByService = new TreeMap<>();
        for (String identity : identities) {
            for (AccessAdvisor.Usage usage : advisor.usageOf(identity).values()) {
                usageByService.computeIfAbsent(usage.service(), k -> new ArrayList<>()).add(usage);
            }
        }
        Set<String> candidates = new TreeSet<>(ServiceNames.known());
        candidates.addAll(usageByService.keySet());
        List<Doc> services = new ArrayList<>();
        for (String service : candidates) {
            boolean granted = grantedActions.stream().anyMatch(a -> grantsService(a, service));
            if (!granted) {
                continue;
            }
            List<AccessAdvisor.Usage> usages = usageByService.getOrDefault(service, List.of());
            AccessAdvisor.Usage last = usages.stream().max((a, b) -> a.time().compareTo(b.time())).orElse(null);
            long entities = usages.stream().map(AccessAdvisor.Usage::entityArn).distinct().count();
            Doc d = Doc.of().with("ServiceName", ServiceNames.name(service)).with("ServiceNamespace", service)
                    .with("LastAuthenticated", last == null ? null : last.time())
                    .with("LastAuthenticatedEntity", last == null ? null : last.entityArn())
                    .with("LastAuthenticatedRegion", last == null ? null : last.region())
                    .with("TotalAuthenticatedEntities", (int) entities);
            if (actionLevel) {
                Map<String, AccessAdvisor.Usage> byAction = new TreeMap<>();
                for (AccessAdvisor.Usage u : usages) {
                    byAction.merge(u.action().substring(u.action().indexOf(':') + 1), u,
                            (a, b) -> a.time().isAfter(b.time()) ? a : b);
                }
                Map<String, Doc> tracked = new LinkedHashMap<>();
                for (String action : grantedActions) {
                    int colon = action.indexOf(':');
                    if (colon > 0 && action.substring(0, colon).equalsIgnoreCase(service)
                            && !Wildcards.hasWildcard(action)) {
                        tracked.put(action.substring(colon + 1), Doc.of().with("ActionName", action.substring(colon + 1)));
                    }
                }
                byAction.forEach((name, u) -> tracked.put(name, Doc.of().with("ActionName", name)
                        .with("LastAccessedEntity", u.entityArn()).with("LastAccessedTime", u.time())
                        .with("LastAccessedRegion", u.region())));
                d.with("TrackedActionsLastAccessed", new ArrayList<>(tracked.values()));
            }
            services.add(d);
        }
        return services;
    }

    private static boolean grantsService(String actionPattern, String service) {
        int colon = actionPattern.indexOf(':');
        if (colon < 0) {
            return actionPattern.equals("*");
        }
        return Wildcards.matches(actionPattern.substring(0, colon).toLowerCase(), service);
    }

    private void collect(String arn, List<String> documentsOut, List<String> identities) {
        String resource = arn.substring(arn.indexOf(':', arn.indexOf(":iam::") + 6) + 1);
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.startsWith("role/")) {
            Role role = store.findRole(name);
            if (role == null || !role.arn().equals(arn)) {
                throw AwsError.noSuchEntity("The role with name " + name + " cannot be found.");
            }
            documentsOut.addAll(role.inlinePolicies().values());
            managed(role.attachedPolicyArns(), documentsOut);
            identities.add(role.arn());
        } else if (resource.startsWith("user/")) {
            User user = store.findUser(name);
            if (user == null || !user.arn().equals(arn)) {
                throw AwsError.noSuchEntity("The user with name " + name + " cannot be found.");
            }
            documentsOut.addAll(user.inlinePolicies().values());
            managed(user.attachedPolicyArns(), documentsOut);
            for (String groupName : user.groups()) {
                Group g = store.findGroup(groupName);
                if (g != null) {
                    documentsOut.addAll(g.inlinePolicies().values());
                    managed(g.attachedPolicyArns(), documentsOut);
                }
            }
            identities.add(user.arn());
        } else if (resource.startsWith("group/")) {
            Group group = store.findGroup(name);
            if (group == null || !group.arn().equals(arn)) {
                throw AwsError.noSuchEntity("The group with name " + name + " cannot be found.");
            }
            documentsOut.addAll(group.inlinePolicies().values());
            managed(group.attachedPolicyArns(), documentsOut);
            for (User u : store.allUsers()) {
                if (u.groups().contains(group.name())) {
                    identities.add(u.arn());
                }
            }
        } else if (resource.startsWith("policy/")) {
            ManagedPolicy policy = store.policy(arn);
            documentsOut.add(policy.defaultDocument());
            for (Role r : store.allRoles()) {
                if (r.attachedPolicyArns().contains(arn)) {
                    identities.add(r.arn());
                }
            }
            for (User u : store.allUsers()) {
                if (u.attachedPolicyArns().contains(arn)) {
                    identities.add(u.arn());
                }
            }
        } else {
            throw AwsError.invalidInput("ARN " + arn + " is not valid.");
        }
    }

    private void managed(Iterable<String> arns, List<String> out) {
        for (String arn : arns) {
            ManagedPolicy p = store.findPolicy(arn);
            if (p != null) {
                out.add(p.defaultDocument());
            }
        }
    }
}
