package io.accessloop.broker.catalog.service;

import io.accessloop.broker.catalog.domain.Catalog;
import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.config.BrokerSettings;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog in force. A changed folder is read whole; if any problem is found the new version is refused (every
 * problem is logged and kept for {@link #status()}) and the last good catalog stays in force.
 */
@Startup
@ApplicationScoped
public class CatalogStore {

    private static final Logger LOG = Logger.getLogger(CatalogStore.class);

    private final BrokerSettings settings;
    private final Clock clock;
    private volatile Catalog current;
    private volatile CatalogStatus status;
    private volatile String lastSeenFingerprint = "";

    CatalogStore(BrokerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @PostConstruct
    void load() {
        current = Catalog.empty(clock.instant());
        status = new CatalogStatus(settings.catalogDir().toString(), "", null, 0, null, List.of());
        reload();
    }

    public Catalog current() {
        return current;
    }

    public CatalogStatus status() {
        return status;
    }

    @Scheduled(every = "${accessloop.broker.catalog-reload-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        try {
            if (!CatalogReader.fingerprint(settings.catalogDir()).equals(lastSeenFingerprint)) {
                reload();
            }
        } catch (IOException e) {
            LOG.warnf("cannot read catalog folder %s: %s", settings.catalogDir(), e.getMessage());
        }
    }

    /** Reads the folder now; returns the problems that refused it (empty when the new catalog is in force). */
    public synchronized List<CatalogProblem> reload() {
        CatalogReader.Result result = CatalogReader.read(settings.catalogDir());
        Instant now = clock.instant();
        lastSeenFingerprint = result.fingerprint();
        if (result.problems().isEmpty()) {
            current = new Catalog(result.entitlements(), result.fingerprint(), now);
            status = new CatalogStatus(settings.catalogDir().toString(), result.fingerprint(), now, current.size(),
                    null, List.of());
            LOG.infof("catalog loaded from %s: %d entitlements", settings.catalogDir(), current.size());
            return List.of();
        }
        for (CatalogProblem problem : result.problems()) {
            LOG.errorf("catalog refused: %s", problem);
        }
        status = new CatalogStatus(settings.catalogDir().toString(), current.fingerprint(),
                Optional.ofNullable(status).map(CatalogStatus::loadedAt).orElse(null), current.size(), now,
                result.problems());
        return result.problems();
    }

    /**
     * What is in force and, when the latest version of the folder was refused, when and why.
     *
     * @param fingerprint content hash of the catalog in force
     * @param refusedAt when the latest version was refused (null if it is in force)
     * @param problems every problem of the refused version
     */
    public record CatalogStatus(String folder, String fingerprint, Instant loadedAt, int entitlements,
                                Instant refusedAt, List<CatalogProblem> problems) {
    }
}
