package io.accessloop.drift.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.findings.service.AttributionUpdater;
import io.accessloop.drift.findings.service.FindingEvaluator;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.domain.NotificationParser;
import io.accessloop.drift.ingest.repository.RawEvent;
import io.accessloop.drift.inventory.domain.CloudTrailCallReader;
import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.inventory.domain.ConfigItemMapper;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.service.CallRecorder;
import io.accessloop.drift.inventory.service.InventoryService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * Processes one stored raw event: configuration items update the inventory and run the rules; CloudTrail calls
 * are recorded and attribute findings to who made the change. Runs inside the inbox transaction.
 */
@ApplicationScoped
public class ChangeProcessor {

    private static final Logger LOG = Logger.getLogger(ChangeProcessor.class);

    private final NotificationParser parser;
    private final InventoryService inventory;
    private final FindingEvaluator findings;
    private final CallRecorder calls;
    private final AttributionUpdater attribution;
    private final AccountPorts accounts;
    private final Vertx vertx;
    private final Clock clock;

    ChangeProcessor(ObjectMapper mapper, InventoryService inventory, FindingEvaluator findings, CallRecorder calls,
                    AttributionUpdater attribution, AccountPorts accounts, Vertx vertx, Clock clock) {
        this.parser = new NotificationParser(mapper);
        this.inventory = inventory;
        this.findings = findings;
        this.calls = calls;
        this.attribution = attribution;
        this.accounts = accounts;
        this.vertx = vertx;
        this.clock = clock;
    }

    public Uni<Void> process(String rawEventId) {
        return RawEvent.<RawEvent>findById(rawEventId).chain(raw -> {
            if (raw == null) {
                LOG.warnf("raw event %s not found; nothing to process", rawEventId);
                return Uni.createFrom().voidItem();
            }
            if (raw.processedAt != null) {
                return Uni.createFrom().voidItem();
            }
            Notification notification = parser.parseStored(raw.body, raw.sourceId);
            return handle(raw, notification).invoke(outcome -> {
                raw.processedAt = clock.instant();
                raw.outcome = outcome;
            }).replaceWithVoid();
        });
    }

    private Uni<String> handle(RawEvent raw, Notification notification) {
        if (notification instanceof Notification.ConfigItemChange change) {
            return apply(ConfigItemMapper.map(change.configurationItem()), "push");
        }
        if (notification instanceof Notification.OversizedConfigItemChange oversized) {
            ResourceType type = ResourceType.fromConfigType(oversized.resourceType()).orElseThrow();
            return vertx.executeBlocking(() -> accounts.config(oversized.accountId())
                            .latest(type, oversized.resourceId()))
                    .chain(item -> apply(item, "push-oversized"));
        }
        if (notification instanceof Notification.ApiCallRecorded recorded) {
            return CloudTrailCallReader.read(recorded.detail(), recorded.accountId())
                    .map(call -> calls.record(call, raw.id)
                            .chain(stored -> stored == null
                                    ? Uni.createFrom().item("duplicate-call")
                                    : attribution.attribute(stored).replaceWith("call-recorded")))
                    .orElse(Uni.createFrom().item("call-ignored"));
        }
        return Uni.createFrom().item("ignored");
    }

    private Uni<String> apply(Optional<IamSnapshot> snapshot, String source) {
        if (snapshot.isEmpty()) {
            return Uni.createFrom().item("not-recorded");
        }
        return inventory.record(snapshot.get(), source).chain(recorded -> recorded.changed()
                ? findings.evaluate(recorded.previous(), recorded.current(), recorded.attribution(), recorded.managed())
                        .replaceWith("applied")
                : Uni.createFrom().item(recorded.outcome().name().toLowerCase()));
    }
}
