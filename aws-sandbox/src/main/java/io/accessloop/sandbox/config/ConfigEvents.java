package io.accessloop.sandbox.config;

import io.accessloop.sandbox.core.Doc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The EventBridge {@code Config Configuration Item Change} event shape. */
final class ConfigEvents {

    private ConfigEvents() {
    }

    static Map<String, Object> changeEvent(String accountId, String region, ConfigItem previous, ConfigItem item,
                                           Instant now, String id) {
        String changeType = item.deleted() ? "DELETE" : previous == null || previous.deleted() ? "CREATE" : "UPDATE";
        Doc configurationItem = Doc.of()
                .with("relatedEvents", List.of())
                .with("relationships", List.of())
                .with("supplementaryConfiguration", Doc.of())
                .with("tags", item.tags())
                .with("configurationItemVersion", "1.3")
                .with("configurationItemCaptureTime", iso(item.captureTime()))
                .with("configurationStateId", item.stateId())
                .with("awsAccountId", accountId)
                .with("configurationItemStatus", item.status())
                .with("resourceType", item.resourceType())
                .with("resourceId", item.resourceId())
                .with("resourceName", item.resourceName())
                .with("ARN", item.arn())
                .with("awsRegion", "global")
                .with("availabilityZone", "Not Applicable")
                .with("configurationStateMd5Hash", "")
                .with("resourceCreationTime", iso(item.resourceCreationTime()));
        configurationItem.put("configuration", item.configuration());
        Doc detail = Doc.of()
                .with("recordVersion", "1.3")
                .with("messageType", "ConfigurationItemChangeNotification")
                .with("configurationItemDiff", Doc.of()
                        .with("changedProperties", ConfigRecorder.changedProperties(previous, item))
                        .with("changeType", changeType))
                .with("notificationCreationTime", iso(now))
                .with("configurationItem", configurationItem);
        return Doc.of().with("version", "0").with("id", id).with("detail-type", "Config Configuration Item Change")
                .with("source", "aws.config").with("account", accountId).with("time", iso(now))
                .with("region", region).with("resources", List.of(item.arn())).with("detail", detail);
    }

    static String iso(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
