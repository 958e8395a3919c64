package io.accessloop.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Realistic AWS payloads from {@code src/test/resources/aws}, with the few fields a test varies. */
public final class Samples {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ACCOUNT = "000000000000";

    private Samples() {
    }

    public static ObjectNode load(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/aws/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The EventBridge role change sample renamed to {@code roleName}, captured at {@code at}, with a fresh event id. */
    public static ObjectNode roleChange(String roleName, Instant at, long stateId) {
        ObjectNode event = load("eventbridge-config-item-change-role.json");
        event.put("id", UUID.randomUUID().toString());
        ObjectNode item = item(event);
        String arn = "arn:aws:iam::" + ACCOUNT + ":role/" + roleName;
        item.put("ARN", arn);
        item.put("resourceName", roleName);
        item.put("resourceId", "AROA" + roleName.hashCode());
        item.put("configurationItemCaptureTime", at.toString());
        item.put("configurationStateId", stateId);
        ObjectNode configuration = (ObjectNode) item.get("configuration");
        configuration.put("roleName", roleName);
        configuration.put("arn", arn);
        configuration.put("roleId", "AROA" + roleName.hashCode());
        ((ArrayNode) event.get("resources")).removeAll().add(arn);
        return event;
    }

    public static ObjectNode item(ObjectNode event) {
        return (ObjectNode) event.get("detail").get("configurationItem");
    }

    public static ObjectNode configuration(ObjectNode event) {
        return (ObjectNode) item(event).get("configuration");
    }

    public static void attach(ObjectNode event, String policyName, String policyArn) {
        ((ArrayNode) configuration(event).get("attachedManagedPolicies")).addObject()
                .put("policyName", policyName).put("policyArn", policyArn);
    }

    public static void putInline(ObjectNode event, String name, String document) {
        ((ArrayNode) configuration(event).get("rolePolicyList")).addObject()
                .put("policyName", name).put("policyDocument", urlEncode(document));
    }

    public static void setTrust(ObjectNode event, String document) {
        configuration(event).put("assumeRolePolicyDocument", urlEncode(document));
    }

    public static void unmanage(ObjectNode event) {
        ((ObjectNode) item(event).get("tags")).remove("accessloop:managed");
        ArrayNode tags = (ArrayNode) configuration(event).get("tags");
        for (int i = tags.size() - 1; i >= 0; i--) {
            if ("accessloop:managed".equals(tags.get(i).get("key").asText())) {
                tags.remove(i);
            }
        }
    }

    public static void deleted(ObjectNode event) {
        ObjectNode item = item(event);
        item.put("configurationItemStatus", "ResourceDeleted");
        item.putNull("configuration");
    }

    /** The CloudTrail AttachRolePolicy sample for {@code roleName} at {@code at}, made by {@code actorRole}. */
    public static ObjectNode attachRolePolicyCall(String roleName, String policyArn, Instant at, String actorRole,
                                                  String sourceIdentity) {
        ObjectNode event = load("eventbridge-cloudtrail-attach-role-policy.json");
        event.put("id", UUID.randomUUID().toString());
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("eventID", UUID.randomUUID().toString());
        detail.put("eventTime", at.toString());
        ((ObjectNode) detail.get("requestParameters")).put("roleName", roleName).put("policyArn", policyArn);
        ObjectNode identity = (ObjectNode) detail.get("userIdentity");
        identity.put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + actorRole + "/" + sourceIdentity);
        ObjectNode session = (ObjectNode) identity.get("sessionContext");
        ((ObjectNode) session.get("sessionIssuer")).put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + actorRole);
        session.put("sourceIdentity", sourceIdentity);
        return event;
    }

    /** Wraps a message in an SNS {@code Notification} envelope. */
    public static ObjectNode sns(JsonNode message) {
        ObjectNode envelope = load("sns-config-item-change-user.json");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Message", message.toString());
        return envelope;
    }

    public static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
