package io.accessloop.broker.catalog.service;

import io.accessloop.broker.catalog.domain.Catalog;
import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.domain.RoleCheck;
import io.accessloop.broker.catalog.domain.RoleInspector;
import io.accessloop.broker.config.BrokerSettings;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    private final RoleInspector roles;
    private final Clock clock;
    private volatile Catalog current;
    private volatile CatalogStatus status;
    private volatile String lastSeenFingerprint = "";

    CatalogStore(BrokerSettings settings, RoleInspector roles, Clock clock) {
        this.settings = settings;
        this.roles = roles;
        this.clock = clock;
    }

    @PostConstruct
    void load() {
        current = Catalog.empty(clock.instant());
        status = new CatalogStatus(settings.catalogDir().toString(), "", null, 0, null, List.of(), List.of());
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
                    null, List.of(), inspectRoles(current));
            LOG.infof("catalog loaded from %s: %d entitlements", settings.catalogDir(), current.size());
            return List.of();
        }
        for (CatalogProblem problem : result.problems()) {
            LOG.errorf("catalog refused: %s", problem);
        }
        status = new CatalogStatus(settings.catalogDir().toString(), current.fingerprint(),
                Optional.ofNullable(status).map(CatalogStatus::loadedAt).orElse(null), current.size(), now,
                result.problems(), Optional.ofNullable(status).map(CatalogStatus::warnings).orElse(List.of()));
        return result.problems();
    }

    /**
     * Checks every role of a catalog through IAM. Findings are warnings, not refusals: a role can be fixed in AWS
     * without touching the catalog, and an unreachable IAM must not block a valid catalog.
     */
    private List<String> inspectRoles(Catalog catalog) {
        List<String> warnings = new ArrayList<>();
        try {
            String broker = roles.brokerArn();
            for (Entitlement e : catalog.entitlements()) {
                warnings.addAll(RoleCheck.check(e, roles.inspect(e.roleArn()), broker));
            }
        } catch (RuntimeException e) {
            warnings.add("roles could not be inspected through IAM: " + e.getMessage());
        }
        warnings.forEach(w -> LOG.warnf("catalog check: %s", w));
        return List.copyOf(warnings);
    }

    /**
     * What is in force and, when the latest version of the folder was refused, when and why.
     *
     * @param fingerprint content hash of the catalog in force
     * @param refusedAt when the latest version was refused (null if it is in force)
     * @param problems every problem of the refused version
     * @param warnings roles that cannot serve their entitlement (missing, trust policy, maximum session)
     */
    public record CatalogStatus(String folder, String fingerprint, Instant loadedAt, int entitlements,
                                Instant refusedAt, List<CatalogProblem> problems, List<String> warnings) {
    }
}
