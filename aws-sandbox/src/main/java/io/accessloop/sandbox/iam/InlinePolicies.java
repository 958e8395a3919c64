package io.accessloop.sandbox.iam;

import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Put/Get/Delete/List of inline policies, shared by roles, users and groups. */
final class InlinePolicies {

    private InlinePolicies() {
    }

    static void put(IamCall call, String entityKind, String entityName, Map<String, String> policies, int quota) {
        String policyName = IamSupport.name(call.params(), "PolicyName", 128);
        String document = IamSupport.policyDocument(call.params(), "PolicyDocument", PolicyKind.IDENTITY);
        Map<String, String> after = new LinkedHashMap<>(policies);
        after.put(policyName, document);
        if (IamSupport.countedCharacters(after.values()) > quota) {
            throw AwsError.limitExceeded("Maximum policy size of " + quota + " bytes exceeded for " + entityKind
                    + " " + entityName);
        }
        policies.put(policyName, document);
    }

    static Doc get(IamCall call, String nameField, String entityName, Map<String, String> policies,
                   String entityKind) {
        String policyName = IamSupport.name(call.params(), "PolicyName", 128);
        String document = policies.get(policyName);
        if (document == null) {
            throw AwsError.noSuchEntity("The " + entityKind + " policy with name " + policyName
                    + " cannot be found.");
        }
        return Doc.of().with(nameField, entityName).with("PolicyName", policyName)
                .with("PolicyDocument", PolicyText.urlEncode(document));
    }

    static void delete(IamCall call, Map<String, String> policies, String entityKind) {
        String policyName = IamSupport.name(call.params(), "PolicyName", 128);
        if (policies.remove(policyName) == null) {
            throw AwsError.noSuchEntity("The " + entityKind + " policy with name " + policyName
                    + " cannot be found.");
        }
    }

    static Doc list(IamCall call, Map<String, String> policies) {
        Doc result = Doc.of();
        List<String> names = IamSupport.page(call.params(), new ArrayList<>(policies.keySet()), result);
        Doc out = Doc.of().with("PolicyNames", new ArrayList<>(names));
        out.putAll(result);
        return out;
    }

    static void attach(IamStore store, IamCall call, java.util.Set<String> attached, String quotaName,
                       Object entity) {
        String arn = IamSupport.policyArn(call.params());
        ManagedPolicy policy = store.policy(arn);
        if (!attached.contains(arn) && attached.size() >= 10) {
            throw AwsError.limitExceeded("Cannot exceed quota for " + quotaName + ": 10");
        }
        attached.add(arn);
        store.touch(entity);
        store.touch(policy);
    }

    static void detach(IamStore store, IamCall call, java.util.Set<String> attached, Object entity) {
        String arn = IamSupport.policyArn(call.params());
        if (!attached.remove(arn)) {
            throw AwsError.noSuchEntity("Policy " + arn + " was not found.");
        }
        store.touch(entity);
        ManagedPolicy policy = store.findPolicy(arn);
        if (policy != null) {
            store.touch(policy);
        }
    }

    static Doc listAttached(IamStore store, IamCall call, java.util.Set<String> attached) {
        String prefix = call.params().get("PathPrefix");
        List<String> arns = new ArrayList<>();
        for (String arn : attached) {
            ManagedPolicy p = store.findPolicy(arn);
            if (p == null || IamSupport.underPath(p.path, prefix)) {
                arns.add(arn);
            }
        }
        Doc paging = Doc.of();
        List<String> page = IamSupport.page(call.params(), arns, paging);
        Doc out = Doc.of().with("AttachedPolicies", IamViews.attached(store, page));
        out.putAll(paging);
        return out;
    }
}
