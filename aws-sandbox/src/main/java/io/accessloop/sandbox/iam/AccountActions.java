package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Ids;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Account-wide reads (authorization details, credential report) and instance profiles. */
final class AccountActions {

    private final IamStore store;
    private final IamRegistry registry;
    private volatile Instant reportGenerated;
    private volatile String report;

    AccountActions(IamStore store, IamRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void register() {
        registry.read("GetAccountAuthorizationDetails", c -> "*", this::authorizationDetails);
        registry.write("GenerateCredentialReport", c -> "*", c -> {
            report = store.read(() -> credentialReport(c.now()));
            reportGenerated = c.now();
            return Doc.of().with("State", "COMPLETE")
                    .with("Description", "No report exists. Starting a new report generation task");
        });
        registry.read("GetCredentialReport", c -> "*", c -> {
            if (report == null) {
                throw new AwsError("ReportNotPresent", 410, "Credential report does not exist. Use "
                        + "GenerateCredentialReport to generate a credential report.");
            }
            return Doc.of().with("Content", Base64.getEncoder().encodeToString(report.getBytes(StandardCharsets.UTF_8)))
                    .with("ReportFormat", "text/csv").with("GeneratedTime", reportGenerated);
        });
        registry.read("ListAccountAliases", c -> "*", c -> Doc.of().with("AccountAliases", List.of())
                .with("IsTruncated", false));
        registry.read("GetAccountPasswordPolicy", c -> "*", c -> {
            throw AwsError.noSuchEntity("The Password Policy with domain name " + store.accountId()
                    + " cannot be found.");
        });
        registerInstanceProfiles();
    }

    private Doc authorizationDetails(IamCall c) {
        Set<String> filter = Set.copyOf(c.params().members("Filter"));
        return store.read(() -> {
            List<Doc> users = new ArrayList<>();
            List<Doc> groups = new ArrayList<>();
            List<Doc> roles = new ArrayList<>();
            List<Doc> policies = new ArrayList<>();
            if (filter.isEmpty() || filter.contains("User")) {
                for (User u : store.users.values()) {
                    Doc d = Doc.of().with("Path", u.path).with("UserName", u.name).with("UserId", u.id)
                            .with("Arn", u.arn).with("CreateDate", u.createDate)
                            .with("UserPolicyList", inlineList(u.inlinePolicies))
                            .with("GroupList", new ArrayList<>(u.groups))
                            .with("AttachedManagedPolicies", IamViews.attached(store, u.attachedPolicyArns))
                            .with("PermissionsBoundary", IamViews.boundary(u.permissionsBoundaryArn))
                            .with("Tags", IamViews.tags(u.tags));
                    users.add(d);
                }
            }
            if (filter.isEmpty() || filter.contains("Group")) {
                for (Group g : store.groups.values()) {
                    groups.add(Doc.of().with("Path", g.path).with("GroupName", g.name).with("GroupId", g.id)
                            .with("Arn", g.arn).with("CreateDate", g.createDate)
                            .with("GroupPolicyList", inlineList(g.inlinePolicies))
                            .with("AttachedManagedPolicies", IamViews.attached(store, g.attachedPolicyArns)));
                }
            }
            if (filter.isEmpty() || filter.contains("Role")) {
                for (Role r : store.roles.values()) {
                    List<Doc> profiles = new ArrayList<>();
                    for (InstanceProfile ip : store.instanceProfiles.values()) {
                        if (ip.roles.contains(r.name)) {
                            profiles.add(IamViews.instanceProfile(store, ip));
                        }
                    }
                    Doc d = IamViews.role(r, true);
                    d.with("InstanceProfileList", profiles)
                            .with("RolePolicyList", inlineList(r.inlinePolicies))
                            .with("AttachedManagedPolicies", IamViews.attached(store, r.attachedPolicyArns))
                            .with("Tags", IamViews.tags(r.tags));
                    roles.add(d);
                }
            }
            boolean local = filter.contains("LocalManagedPolicy");
            boolean aws = filter.contains("AWSManagedPolicy");
            for (ManagedPolicy p : store.policies.values()) {
                boolean include = filter.isEmpty() ? (!p.awsManaged || store.attachmentCount(p.arn) > 0)
                        : (p.awsManaged ? aws : local);
                if (!include) {
                    continue;
                }
                List<Doc> versions = new ArrayList<>();
                p.versions.values().forEach(v -> versions.add(IamViews.version(p, v, true)));
                Doc d = IamViews.policy(store, p);
                d.remove("Tags");
                d.with("PolicyVersionList", versions);
                policies.add(d);
            }
            // MaxItems/Marker page across the four lists together, in this order, as IAM does.
            List<Doc[]> all = new ArrayList<>();
            users.forEach(d -> all.add(new Doc[] {d, null, null, null}));
            groups.forEach(d -> all.add(new Doc[] {null, d, null, null}));
            roles.forEach(d -> all.add(new Doc[] {null, null, d, null}));
            policies.forEach(d -> all.add(new Doc[] {null, null, null, d}));
            Doc paging = Doc.of();
            List<Doc[]> page = IamSupport.page(c.params(), all, paging);
            List<List<Doc>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Doc[] entry : page) {
                for (int i = 0; i < 4; i++) {
                    if (entry[i] != null) {
                        lists.get(i).add(entry[i]);
                    }
                }
            }
            Doc out = Doc.of().with("UserDetailList", lists.get(0)).with("GroupDetailList", lists.get(1))
                    .with("RoleDetailList", lists.get(2)).with("Policies", lists.get(3));
            out.putAll(paging);
            return out;
        });
    }

    private static List<Doc> inlineList(Map<String, String> policies) {
        List<Doc> out = new ArrayList<>();
        policies.forEach((name, doc) -> out.add(Doc.of().with("PolicyName", name)
                .with("PolicyDocument", PolicyText.urlEncode(doc))));
        return out;
    }

    private String credentialReport(Instant now) {
        StringBuilder csv = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                + "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
                + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
                + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        for (User u : store.users.values()) {
            boolean mfa = store.mfaDevices.values().stream().anyMatch(d -> u.name.equals(d.userName));
            csv.append(u.name).append(',').append(u.arn).append(',').append(u.createDate).append(',')
                    .append(u.loginProfile != null).append(',')
                    .append(u.loginProfile == null ? "not_supported"
                            : u.passwordLastUsed == null ? "no_information" : u.passwordLastUsed.toString())
                    .append(',').append(u.loginProfile == null ? "N/A" : u.loginProfile.createDate()).append(',')
                    .append("N/A").append(',').append(mfa);
            List<AccessKey> keys = store.keysOf(u.name);
            for (int i = 0; i < 2; i++) {
                AccessKey k = i < keys.size() ? keys.get(i) : null;
                if (k == null) {
                    csv.append(",false,N/A,N/A,N/A,N/A");
                } else {
                    csv.append(',').append(k.active).append(',').append(k.createDate).append(',')
                            .append(k.lastUsedDate == null ? "N/A" : k.lastUsedDate).append(',')
                            .append(k.lastUsedRegion == null ? "N/A" : k.lastUsedRegion).append(',')
                            .append(k.lastUsedService == null ? "N/A" : k.lastUsedService);
                }
            }
            csv.append(",false,N/A,false,N/A\n");
        }
        return csv.toString();
    }

    private void registerInstanceProfiles() {
        registry.write("CreateInstanceProfile", c -> "*", c -> {
            String name = IamSupport.name(c.params(), "InstanceProfileName", 128);
            String path = IamSupport.path(c.params(), "Path");
            return store.write(c.now(), () -> {
                if (store.instanceProfiles.containsKey(name)) {
                    throw AwsError.alreadyExists("Instance Profile " + name + " already exists.");
                }
                InstanceProfile ip = new InstanceProfile(name, path, Ids.uniqueId("AIPA"),
                        "arn:aws:iam::" + store.accountId() + ":instance-profile" + path + name, c.now());
                store.instanceProfiles.put(name, ip);
                return Doc.of().with("InstanceProfile", IamViews.instanceProfile(store, ip));
            });
        });
        registry.read("GetInstanceProfile", c -> "*", c -> store.read(() ->
                Doc.of().with("InstanceProfile", IamViews.instanceProfile(store, profile(c)))));
        registry.write("DeleteInstanceProfile", c -> "*", c -> store.write(c.now(), () -> {
            InstanceProfile ip = profile(c);
            if (!ip.roles.isEmpty()) {
                throw AwsError.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            store.instanceProfiles.remove(ip.name);
            return null;
        }));
        registry.write("AddRoleToInstanceProfile", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            InstanceProfile ip = profile(c);
            Role role = store.role(IamSupport.name(c.params(), "RoleName", 64));
            if (!ip.roles.isEmpty()) {
                throw AwsError.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
            }
            ip.roles.add(role.name);
            store.touch(role);
            return null;
        }));
        registry.write("RemoveRoleFromInstanceProfile", registry::roleArnFromParams, c -> store.write(c.now(), () -> {
            InstanceProfile ip = profile(c);
            Role role = store.role(IamSupport.name(c.params(), "RoleName", 64));
            if (!ip.roles.remove(role.name)) {
                throw AwsError.noSuchEntity("The role " + role.name + " is not in instance profile " + ip.name + ".");
            }
            store.touch(role);
            return null;
        }));
        registry.read("ListInstanceProfiles", c -> "*", c -> store.read(() -> {
            List<Doc> all = new ArrayList<>();
            store.instanceProfiles.values().forEach(ip -> all.add(IamViews.instanceProfile(store, ip)));
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("InstanceProfiles", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
        registry.read("ListInstanceProfilesForRole", registry::roleArnFromParams, c -> store.read(() -> {
            Role role = store.role(IamSupport.name(c.params(), "RoleName", 64));
            List<Doc> all = new ArrayList<>();
            store.instanceProfiles.values().stream().filter(ip -> ip.roles.contains(role.name))
                    .forEach(ip -> all.add(IamViews.instanceProfile(store, ip)));
            Doc paging = Doc.of();
            List<Doc> page = IamSupport.page(c.params(), all, paging);
            Doc out = Doc.of().with("InstanceProfiles", new ArrayList<>(page));
            out.putAll(paging);
            return out;
        }));
    }

    private InstanceProfile profile(IamCall c) {
        String name = IamSupport.name(c.params(), "InstanceProfileName", 128);
        InstanceProfile ip = store.instanceProfiles.get(name);
        if (ip == null) {
            throw AwsError.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return ip;
    }

    /** Clears the generated report (sandbox reset). */
    void reset() {
        report = null;
        reportGenerated = null;
    }
}
