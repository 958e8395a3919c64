package io.accessloop.drift.inventory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.repository.IamResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user, group, role or customer-managed policy as the inventory API shows it. Policy documents are decoded
 * JSON objects (not the URL-encoded text AWS returns).
 */
public record PrincipalView(String id, String accountId, String type, String name, String arn, String path,
                            String resourceId, boolean managed, boolean deleted, Instant createdAt,
                            Instant capturedAt, int version, String lastChangedBy, String lastSourceIdentity,
                            Map<String, String> tags, List<Inline> inlinePolicies, List<Attached> attachedPolicies,
                            List<String> groups, JsonNode trustPolicy, String permissionsBoundaryArn,
                            String defaultVersionId, JsonNode defaultDocument, Integer attachmentCount,
                            Integer permissionsBoundaryUsageCount) {

    public record Inline(String name, JsonNode document) {
    }

    public record Attached(String name, String arn) {
    }

    static PrincipalView of(IamResource row, IamSnapshot s, ObjectMapper mapper) {
        return new PrincipalView(row.id, row.accountId, row.resourceType, row.name, row.arn, s.path(), row.resourceId,
                row.managed, row.deleted, s.createdAt(), row.capturedAt, row.version, row.changedBy,
                row.sourceIdentity, s.tags(),
                s.inlinePolicies().stream().map(p -> new Inline(p.name(), tree(p.document(), mapper))).toList(),
                s.attachedPolicies().stream().map(p -> new Attached(p.name(), p.arn())).toList(),
                s.groups(), tree(s.trustPolicy(), mapper), s.permissionsBoundaryArn(), s.defaultVersionId(),
                tree(s.defaultDocument(), mapper), s.attachmentCount(), s.permissionsBoundaryUsageCount());
    }

    static JsonNode tree(String json, ObjectMapper mapper) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
