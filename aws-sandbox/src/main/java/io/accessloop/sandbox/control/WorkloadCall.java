package io.accessloop.sandbox.control;

import io.accessloop.iam.eval.EvaluationResult;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.cloudtrail.TrailCall;
import io.accessloop.sandbox.cloudtrail.TrailEvent;
import io.accessloop.sandbox.engine.Sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call to any AWS action (S3, RDS, Lambda…) made by a caller: authorised by the evaluator and recorded in
 * CloudTrail and Access Advisor exactly like a wire call.
 */
public final class WorkloadCall {

    /** S3 object-level operations are CloudTrail data events. */
    private static final Set<String> DATA_EVENTS = Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:GetObjectAcl", "s3:PutObjectAcl", "lambda:InvokeFunction", "dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:Query");

    /** The outcome of one simulated call. */
    public record Outcome(EvaluationResult result, TrailEvent event) {
    }

    private WorkloadCall() {
    }

    public static Outcome perform(Sandbox sandbox, Caller caller, String action, String eventName, String resource,
                                  Instant when, String region, String sourceIp, Map<String, Object> requestParameters,
                                  Map<String, List<String>> context) {
        var b = sandbox.authorizer().context(caller, when, sourceIp, region);
        context.forEach(b::put);
        EvaluationResult result = sandbox.authorizer().evaluate(caller, action, resource, b.build());
        String service = action.substring(0, action.indexOf(':'));
        String errorCode = result.isAllowed() ? null : "AccessDenied";
        String errorMessage = result.isAllowed() ? null : "User: " + caller.arn() + " is not authorized to perform: "
                + action + " on resource: " + resource;
        List<Map<String, String>> resources = "*".equals(resource) ? List.of()
                : List.of(Map.of("ResourceType", resourceType(service), "ResourceName", resource));
        TrailCall call = new TrailCall(caller, service, eventName, when, region, sourceIp, "aws-sandbox-simulator",
                requestParameters, null, errorCode, errorMessage, io.accessloop.sandbox.core.Ids.requestId(),
                isReadOnly(eventName), DATA_EVENTS.contains(action), resources);
        return new Outcome(result, sandbox.recordExternal(call, action));
    }

    static boolean isReadOnly(String eventName) {
        return eventName.startsWith("Get") || eventName.startsWith("List") || eventName.startsWith("Describe")
                || eventName.startsWith("Head") || eventName.startsWith("Lookup");
    }

    private static String resourceType(String service) {
        return switch (service) {
            case "s3" -> "AWS::S3::Object";
            case "rds" -> "AWS::RDS::DBInstance";
            case "lambda" -> "AWS::Lambda::Function";
            case "dynamodb" -> "AWS::DynamoDB::Table";
            case "sqs" -> "AWS::SQS::Queue";
            default -> "AWS::" + Character.toUpperCase(service.charAt(0)) + service.substring(1) + "::Resource";
        };
    }
}
