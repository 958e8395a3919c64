package io.accessloop.drift.rightsizing.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.repository.UsageRepository;
import io.accessloop.drift.rightsizing.usage.CallMapper;
import io.accessloop.drift.rightsizing.usage.ReadStats;
import io.accessloop.drift.rightsizing.usage.TrailRecord;
import io.accessloop.drift.rightsizing.usage.TrailRecordParser;
import io.accessloop.drift.rightsizing.usage.UsageTally;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;

/**
 * Usage from the EventBridge stream: every {@code AWS API Call via CloudTrail} event drift ingests
 * ({@code accessloop.aws.changes}) also feeds the usage store, in the ingestion's transaction. Events are counted
 * once by CloudTrail event id, whichever source (this stream or LookupEvents) delivers them first.
 */
@ApplicationScoped
public class StreamUsage {

    private final ObjectMapper json;
    private final UsageRepository usage;
    private final RightsizingSettings settings;

    StreamUsage(ObjectMapper json, UsageRepository usage, RightsizingSettings settings) {
        this.json = json;
        this.usage = usage;
        this.settings = settings;
    }

    /** Records the usage of a notification already parsed; other notifications (Config items…) record nothing. */
    public Uni<ReadStats> record(Notification notification) {
        if (!settings.streamUsage() || !(notification instanceof Notification.ApiCallRecorded call)) {
            return Uni.createFrom().item(new ReadStats());
        }
        return record(call.detail());
    }

    /** Records one CloudTrail record (the {@code detail} of an EventBridge event). */
    public Uni<ReadStats> record(JsonNode detail) {
        ReadStats stats = new ReadStats();
        stats.record();
        TrailRecord record = parse(detail);
        if (record == null) {
            stats.malformed();
            return Uni.createFrom().item(stats);
        }
        Uni<Boolean> fresh = record.eventId() == null ? Uni.createFrom().item(true)
                : usage.firstSeen(Map.of(record.eventId(), record.eventTime())).map(ids -> !ids.isEmpty());
        return fresh.chain(first -> {
            if (!first) {
                return Uni.createFrom().item(stats);
            }
            UsageTally tally = new UsageTally();
            new CallMapper().map(record, stats, tally);
            return usage.add(tally.rows()).chain(() -> usage.addDenied(tally.deniedCalls())).replaceWith(stats);
        });
    }

    private TrailRecord parse(JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            return null;
        }
        try (JsonParser p = json.treeAsTokens(detail)) {
            p.nextToken();
            return TrailRecordParser.parse(p);
        } catch (IOException e) {
            return null;
        }
    }
}
