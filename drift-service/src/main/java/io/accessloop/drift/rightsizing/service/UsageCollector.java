package io.accessloop.drift.rightsizing.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.domain.CloudTrailHistory;
import io.accessloop.drift.rightsizing.domain.LogBucket;
import io.accessloop.drift.rightsizing.repository.SourceRepository;
import io.accessloop.drift.rightsizing.repository.SourceState;
import io.accessloop.drift.rightsizing.repository.UsageRepository;
import io.accessloop.drift.rightsizing.usage.CallMapper;
import io.accessloop.drift.rightsizing.usage.CloudTrailFileReader;
import io.accessloop.drift.rightsizing.usage.ReadStats;
import io.accessloop.drift.rightsizing.usage.TrailRecord;
import io.accessloop.drift.rightsizing.usage.TrailRecordParser;
import io.accessloop.drift.rightsizing.usage.UsageTally;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects CloudTrail usage: LookupEvents polled from a checkpoint (events exactly at the checkpoint remembered by
 * id, so nothing is counted twice; events the EventBridge stream already counted are skipped by id) and log files from a directory in the S3 layout (each file once). Usage is
 * folded into daily rows; refused calls are kept one by one for the rollback watch. One replica at a time polls
 * (the checkpoint row is claimed with SKIP LOCKED); a log file is claimed by inserting its path in the same
 * transaction that stores its usage.
 */
@ApplicationScoped
public class UsageCollector {

    static final String LOOKUP_SOURCE = "cloudtrail-lookup";
    private static final Logger LOG = Logger.getLogger(UsageCollector.class);

    private final CloudTrailHistory history;
    private final UsageRepository usage;
    private final SourceRepository sources;
    private final RightsizingSettings settings;
    private final Blocking blocking;
    private final Clock clock;
    private final JsonFactory json = new JsonFactory();
    private final LogBucket bucket;

    UsageCollector(CloudTrailHistory history, UsageRepository usage, SourceRepository sources,
                   RightsizingSettings settings, Blocking blocking, Clock clock, LogBucket bucket) {
        this.bucket = bucket;
        this.history = history;
        this.usage = usage;
        this.sources = sources;
        this.settings = settings;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Scheduled(every = "${accessloop.drift.rightsizing.collect-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    Uni<Void> scheduled() {
        return collectAll().onFailure().invoke(e -> LOG.warn("usage collection failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Every source, LookupEvents first, then log files from the directory and the bucket. */
    public Uni<ReadStats> collectAll() {
        return pollLookupEvents().chain(lookup -> readLogFiles().chain(files -> readLogBucket().map(bucket -> {
            lookup.add(files);
            lookup.add(bucket);
            return lookup;
        })));
    }

    /** Reads every log file of the configured bucket not read before; nothing when none is configured. */
    public Uni<ReadStats> readLogBucket() {
        if (settings.logBucket().isEmpty()) {
            return Uni.createFrom().item(new ReadStats());
        }
        ReadStats total = new ReadStats();
        return blocking.call(bucket::logFiles).chain(keys -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String key : keys) {
                chain = chain.chain(() -> readOne("s3://" + bucket.name() + "/" + key, () -> bucket.open(key))
                        .invoke(total::add).replaceWithVoid());
            }
            return chain;
        }).replaceWith(total);
    }

    /** One LookupEvents poll from the checkpoint up to now minus the settle time. */
    public Uni<ReadStats> pollLookupEvents() {
        return Panache.withTransaction(() -> sources.claim(LOOKUP_SOURCE).chain(state -> {
            if (state == null) {
                return Uni.createFrom().item(new ReadStats());
            }
            Instant now = clock.instant();
            Instant end = now.minus(settings.settle());
            Instant start = state.checkpoint() != null ? state.checkpoint() : now.minus(settings.lookback());
            if (!end.isAfter(start)) {
                return Uni.createFrom().item(new ReadStats());
            }
            return blocking.call(() -> poll(state, start, end)).chain(result -> usage.firstSeen(result.eventTimes())
                    .chain(fresh -> {
                        UsageTally tally = new UsageTally();
                        CallMapper mapper = new CallMapper();
                        for (TrailRecord record : result.records()) {
                            // an event the EventBridge stream already counted is not counted again
                            if (record.eventId() == null || fresh.contains(record.eventId())) {
                                mapper.map(record, result.stats(), tally);
                            }
                        }
                        return usage.add(tally.rows()).chain(() -> usage.addDenied(tally.deniedCalls()));
                    })
                    .chain(() -> usage.forgetSeenBefore(now.minus(settings.lookback()).minus(Duration.ofDays(1))))
                    .chain(() -> sources.save(new SourceState(LOOKUP_SOURCE, result.checkpoint(),
                            result.idsAtCheckpoint(), state.coveredFrom() != null ? state.coveredFrom() : start), now))
                    .replaceWith(result.stats()));
        }));
    }

    private record PollResult(List<TrailRecord> records, Map<String, Instant> eventTimes, ReadStats stats,
                              Instant checkpoint, Set<String> idsAtCheckpoint) {
    }

    private PollResult poll(SourceState state, Instant start, Instant end) throws IOException {
        List<TrailRecord> records = new ArrayList<>();
        Map<String, Instant> eventTimes = new HashMap<>();
        ReadStats stats = new ReadStats();
        Instant checkpoint = state.checkpoint() != null ? state.checkpoint() : start;
        Set<String> ids = new LinkedHashSet<>(state.idsAtCheckpoint());
        String token = null;
        do {
            CloudTrailHistory.HistoryPage page = history.lookup(start, end, token);
            for (CloudTrailHistory.HistoryEvent e : page.events()) {
                if (e.eventTime() != null && e.eventTime().equals(state.checkpoint())
                        && state.idsAtCheckpoint().contains(e.eventId())) {
                    continue;
                }
                stats.record();
                TrailRecord record = parse(e.recordJson());
                if (record == null) {
                    stats.malformed();
                    continue;
                }
                records.add(record);
                if (record.eventId() != null) {
                    eventTimes.put(record.eventId(), record.eventTime());
                }
                if (record.eventTime().isAfter(checkpoint)) {
                    checkpoint = record.eventTime();
                    ids.clear();
                }
                if (record.eventTime().equals(checkpoint) && record.eventId() != null) {
                    ids.add(record.eventId());
                }
            }
            token = page.nextToken();
        } while (token != null);
        return new PollResult(records, eventTimes, stats, checkpoint, ids);
    }

    private TrailRecord parse(String recordJson) throws IOException {
        if (recordJson == null) {
            return null;
        }
        try (JsonParser p = json.createParser(recordJson)) {
            p.nextToken();
            return TrailRecordParser.parse(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** Reads every log file of the configured directory not read before; nothing when none is configured. */
    public Uni<ReadStats> readLogFiles() {
        if (settings.logDirectory().isEmpty()) {
            return Uni.createFrom().item(new ReadStats());
        }
        return readLogFiles(settings.logDirectory().get());
    }

    /** Reads every log file under {@code root} not read before, one transaction per file. */
    public Uni<ReadStats> readLogFiles(Path root) {
        ReadStats total = new ReadStats();
        return blocking.call(() -> CloudTrailFileReader.logFiles(root)).chain(files -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Path file : files) {
                chain = chain.chain(() -> readOne(file).invoke(total::add).replaceWithVoid());
            }
            return chain;
        }).replaceWith(total);
    }

    /** Opens one log file's bytes. */
    private interface Opener {
        InputStream open() throws IOException;
    }

    private Uni<ReadStats> readOne(Path file) {
        return readOne(file.toAbsolutePath().normalize().toString(), () -> Files.newInputStream(file));
    }

    /** Reads one log file (streamed) unless read before; its usage and its checkpoint row commit together. */
    private Uni<ReadStats> readOne(String key, Opener opener) {
        String file = key;
        return Panache.withTransaction(() -> sources.fileRead(key).chain(done -> {
            if (done) {
                return Uni.createFrom().item(new ReadStats());
            }
            return blocking.call(() -> {
                UsageTally tally = new UsageTally();
                ReadStats stats = new ReadStats();
                CallMapper mapper = new CallMapper();
                try (InputStream in = opener.open()) {
                    new CloudTrailFileReader(json).read(in, stats, record -> mapper.map(record, stats, tally));
                } catch (IOException e) {
                    stats.fileRead();
                    stats.unreadableFile();
                }
                return new Object[] {tally, stats};
            }).chain(result -> {
                UsageTally tally = (UsageTally) result[0];
                ReadStats stats = (ReadStats) result[1];
                return sources.markFileRead(key, stats.records(), clock.instant()).chain(first -> !first
                        ? Uni.createFrom().item(new ReadStats())
                        : usage.add(tally.rows()).chain(() -> usage.addDenied(tally.deniedCalls())).replaceWith(stats));
            });
        })).invoke(stats -> {
            if (stats.malformedRecords() + stats.truncatedFiles() + stats.unreadableFiles() + stats.unknownServiceRecords() > 0) {
                LOG.infof("CloudTrail file %s: %s", file, stats);
            }
        });
    }
}
