package io.accessloop.drift.inventory.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Samples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailCallReaderTest {

    @Test
    void anAttachRolePolicyCallNamesTheRoleThePolicyAndThePersonBehindTheSession() {
        ObjectNode event = Samples.load("eventbridge-cloudtrail-attach-role-policy.json");
        ApiCall call = CloudTrailCallReader.read(event.get("detail"), "000000000000").orElseThrow();
        assertThat(call.target()).isEqualTo(new ResourceKey(ResourceType.ROLE, "payments-reader"));
        assertThat(call.policyArn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(call.actorArn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/ops-admin/mallory@example.com");
        assertThat(call.issuerArn()).isEqualTo("arn:aws:iam::000000000000:role/ops-admin");
        assertThat(call.sourceIdentity()).isEqualTo("mallory@example.com");
        assertThat(call.eventTime()).isEqualTo(Instant.parse("2026-12-04T09:14:59Z"));
    }

    @Test
    void readOnlyAndFailedCallsChangeNothing() {
        ObjectNode readOnly = Samples.load("eventbridge-cloudtrail-attach-role-policy.json");
        ((ObjectNode) readOnly.get("detail")).put("readOnly", true).put("eventName", "GetRole");
        assertThat(CloudTrailCallReader.read(readOnly.get("detail"), null)).isEmpty();
        ObjectNode failed = Samples.load("eventbridge-cloudtrail-attach-role-policy.json");
        ((ObjectNode) failed.get("detail")).put("errorCode", "AccessDenied");
        assertThat(CloudTrailCallReader.read(failed.get("detail"), null)).isEmpty();
    }

    @Test
    void ownershipTellsAccessloopsCallsAndManagedPrincipalsApart() {
        Ownership ownership = new Ownership(List.of("arn:aws:iam::*:role/accessloop-*"),
                List.of("arn:aws:iam::*:role/accessloop/*"), "accessloop:managed", "accessloop-revocations",
                java.time.Duration.ofMinutes(5));
        ObjectNode event = Samples.load("eventbridge-cloudtrail-attach-role-policy.json");
        ApiCall mallory = CloudTrailCallReader.read(event.get("detail"), null).orElseThrow();
        assertThat(ownership.isAccessloop(mallory)).isFalse();
        ((ObjectNode) event.get("detail").get("userIdentity").get("sessionContext").get("sessionIssuer"))
                .put("arn", "arn:aws:iam::000000000000:role/accessloop-broker");
        assertThat(ownership.isAccessloop(CloudTrailCallReader.read(event.get("detail"), null).orElseThrow())).isTrue();
    }
}
