package io.accessloop.sandbox.engine;

import io.accessloop.sandbox.advisor.AccessAdvisor;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.cloudtrail.TrailCall;
import io.accessloop.sandbox.cloudtrail.TrailEvent;
import io.accessloop.sandbox.cloudtrail.TrailLog;
import io.accessloop.sandbox.iam.AccessKey;

import java.util.List;
import java.util.Map;

/** After every authenticated call: the CloudTrail record, Access Advisor data and the key's last use. */
final class CallRecorder {

    private final TrailLog trail;
    private final AccessAdvisor advisor;

    CallRecorder(TrailLog trail, AccessAdvisor advisor) {
        this.trail = trail;
        this.advisor = advisor;
    }

    TrailEvent record(TrailCall call, String iamAction, AccessKey userKey) {
        TrailEvent event = trail.record(call);
        Caller caller = call.caller();
        if (caller.type() != Caller.Type.ROOT && iamAction != null) {
            advisor.record(caller.identityArn(), iamAction, call.time(), caller.arn(), call.region());
        }
        if (userKey != null) {
            userKey.markUsed(call.time(), call.service(), call.region());
        }
        return event;
    }

    static List<Map<String, String>> resources(Map<String, String> params, String accountId) {
        java.util.ArrayList<Map<String, String>> out = new java.util.ArrayList<>();
        add(out, "AWS::IAM::Role", params.get("RoleName"));
        add(out, "AWS::IAM::User", params.get("UserName"));
        add(out, "AWS::IAM::Group", params.get("GroupName"));
        add(out, "AWS::IAM::Policy", params.get("PolicyArn"));
        add(out, "AWS::IAM::AccessKey", params.get("AccessKeyId"));
        add(out, "AWS::IAM::Role", params.get("RoleArn"));
        if (params.get("PolicyArn") == null && params.get("PolicyName") != null && params.get("RoleName") == null
                && params.get("UserName") == null && params.get("GroupName") == null) {
            add(out, "AWS::IAM::Policy", params.get("PolicyName"));
        }
        return out;
    }

    private static void add(List<Map<String, String>> out, String type, String name) {
        if (name != null && !name.isEmpty()) {
            out.add(Map.of("ResourceType", type, "ResourceName", name));
        }
    }
}
