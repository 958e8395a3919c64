package io.accessloop.drift.inventory.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.inventory.config.OwnershipSettings;
import io.accessloop.drift.inventory.domain.ApiCall;
import io.accessloop.drift.inventory.domain.CloudTrailCallReader;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.MalformedItemException;
import io.accessloop.drift.inventory.domain.ResourceKey;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a configuration change arrives before (or without) its CloudTrail event, asks CloudTrail LookupEvents who
 * made it and stores the calls it finds, for the inventory to join.
 */
@ApplicationScoped
public class TrailAttribution {

    private static final Logger LOG = Logger.getLogger(TrailAttribution.class);

    private final AccountPorts accounts;
    private final CallRecorder recorder;
    private final OwnershipSettings settings;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    TrailAttribution(AccountPorts accounts, CallRecorder recorder, OwnershipSettings settings, ObjectMapper mapper,
                     Vertx vertx) {
        this.accounts = accounts;
        this.recorder = recorder;
        this.settings = settings;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /** Looks the resource up in CloudTrail, stores every call found (once each) and returns how many were new. */
    public Uni<Integer> fetch(IamSnapshot current, java.time.Instant earliest) {
        if (!settings.trailLookup()) {
            return Uni.createFrom().item(0);
        }
        String name = current.type() == ResourceType.POLICY ? current.arn() : current.name();
        var from = earliest;
        var to = current.capturedAt().plus(settings.attributionWindow());
        return vertx.executeBlocking(() -> accounts.trail(current.accountId()).records(name, from, to))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("CloudTrail lookup for %s failed, change stays unattributed: %s", name, e.getMessage());
                    return List.of();
                })
                .chain(records -> store(parse(records, ResourceKey.of(current)).stream()
                        .filter(call -> !call.eventTime().isBefore(earliest)).toList()));
    }

    private List<ApiCall> parse(List<String> records, ResourceKey key) {
        List<ApiCall> calls = new ArrayList<>();
        for (String record : records) {
            try {
                CloudTrailCallReader.read(mapper.readTree(record), null)
                        .filter(call -> key.equals(call.target()))
                        .ifPresent(calls::add);
            } catch (MalformedItemException | java.io.IOException e) {
                LOG.debugf("skipped an unreadable CloudTrail record: %s", e.getMessage());
            }
        }
        calls.sort(Comparator.comparing(ApiCall::eventTime).reversed());
        return calls;
    }

    private Uni<Integer> store(List<ApiCall> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // a null item (a call stored before) is not emitted by the concatenation, so the list holds the new ones
        return Multi.createFrom().iterable(calls)
                .onItem().transformToUniAndConcatenate(call -> recorder.record(call, null))
                .collect().asList()
                .map(List::size);
    }
}
