package io.accessloop.drift.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.inventory.domain.ConfigHistory;
import io.accessloop.drift.inventory.domain.ConfigItemMapper;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.MalformedItemException;
import io.accessloop.drift.inventory.domain.ResourceType;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.BaseConfigurationItem;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.ResourceIdentifier;
import software.amazon.awssdk.services.config.model.ResourceKey;
import software.amazon.awssdk.services.config.model.ResourceNotDiscoveredException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ConfigHistory} over the AWS Config API. Items are read by the same mapper as pushed notifications. */
public class ConfigApiHistory implements ConfigHistory {

    private static final Logger LOG = Logger.getLogger(ConfigApiHistory.class);
    private static final int BATCH = 100;

    private final ConfigClient client;
    private final ObjectMapper mapper;

    ConfigApiHistory(ConfigClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public List<String> discovered(ResourceType type) {
        try {
            List<String> ids = new ArrayList<>();
            client.listDiscoveredResourcesPaginator(r -> r.resourceType(type.configType()).includeDeletedResources(false))
                    .resourceIdentifiers().stream()
                    .filter(id -> id.resourceDeletionTime() == null)
                    .map(ResourceIdentifier::resourceId)
                    .forEach(ids::add);
            return ids;
        } catch (SdkException e) {
            throw new ConfigUnavailableException("AWS Config cannot list " + type.configType() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<IamSnapshot> current(ResourceType type, List<String> resourceIds) {
        List<IamSnapshot> out = new ArrayList<>();
        for (int i = 0; i < resourceIds.size(); i += BATCH) {
            List<ResourceKey> keys = resourceIds.subList(i, Math.min(resourceIds.size(), i + BATCH)).stream()
                    .map(id -> ResourceKey.builder().resourceType(type.configType()).resourceId(id).build()).toList();
            for (BaseConfigurationItem item : client.batchGetResourceConfig(r -> r.resourceKeys(keys))
                    .baseConfigurationItems()) {
                read(item.accountId(), item.resourceTypeAsString(), item.resourceId(), item.resourceName(), item.arn(),
                        item.configurationItemCaptureTime(), item.configurationStateId(),
                        item.configurationItemStatusAsString(), item.configuration(), Map.of(),
                        item.resourceCreationTime()).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public Optional<IamSnapshot> latest(ResourceType type, String resourceId) {
        try {
            List<ConfigurationItem> items = client.getResourceConfigHistory(r -> r.resourceType(type.configType())
                    .resourceId(resourceId).limit(1)).configurationItems();
            if (items.isEmpty()) {
                return Optional.empty();
            }
            ConfigurationItem item = items.get(0);
            return read(item.accountId(), item.resourceTypeAsString(), item.resourceId(), item.resourceName(),
                    item.arn(), item.configurationItemCaptureTime(), item.configurationStateId(),
                    item.configurationItemStatusAsString(), item.configuration(), item.tags(),
                    item.resourceCreationTime());
        } catch (ResourceNotDiscoveredException e) {
            return Optional.empty();
        }
    }

    private Optional<IamSnapshot> read(String account, String type, String id, String name, String arn,
                                       Instant captured, String stateId, String status, String configuration,
                                       Map<String, String> tags, Instant created) {
        ObjectNode node = mapper.createObjectNode();
        node.put("awsAccountId", account);
        node.put("resourceType", type);
        node.put("resourceId", id);
        node.put("resourceName", name);
        node.put("ARN", arn);
        node.put("configurationItemCaptureTime", captured == null ? null : captured.toString());
        node.put("configurationStateId", stateId);
        node.put("configurationItemStatus", status);
        node.put("configuration", configuration);
        node.put("resourceCreationTime", created == null ? null : created.toString());
        ObjectNode tagNode = node.putObject("tags");
        if (tags != null) {
            tags.forEach(tagNode::put);
        }
        try {
            return ConfigItemMapper.map(node);
        } catch (MalformedItemException e) {
            LOG.warnf("skipped an unreadable Config item %s %s: %s", type, id, e.getMessage());
            return Optional.empty();
        }
    }
}
