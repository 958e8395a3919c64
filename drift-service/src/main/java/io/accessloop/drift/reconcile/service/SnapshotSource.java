package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.inventory.domain.ConfigHistory;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.reconcile.config.ReconcileSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the whole IAM state of one account: from AWS Config where it records (ListDiscoveredResources +
 * BatchGetResourceConfig), otherwise from IAM GetAccountAuthorizationDetails. Blocking; call off the event loop.
 */
@ApplicationScoped
public class SnapshotSource {

    private static final Logger LOG = Logger.getLogger(SnapshotSource.class);

    private final AccountPorts accounts;
    private final ReconcileSettings settings;
    private final Clock clock;

    SnapshotSource(AccountPorts accounts, ReconcileSettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Everything the source knows now; {@code discovered} is null for IAM (the snapshot is complete). */
    public record Fetched(String accountId, String source, List<IamSnapshot> snapshots,
                          Map<ResourceType, Set<String>> discovered, Instant fetchedAt) {
    }

    public Fetched fetch(String accountId) {
        String mode = settings.source();
        if (!"iam".equals(mode)) {
            try {
                ConfigHistory config = accounts.config(accountId);
                List<IamSnapshot> snapshots = new ArrayList<>();
                Map<ResourceType, Set<String>> discovered = new EnumMap<>(ResourceType.class);
                for (ResourceType type : ResourceType.values()) {
                    List<String> ids = config.discovered(type);
                    discovered.put(type, new HashSet<>(ids));
                    snapshots.addAll(config.current(type, ids));
                }
                return new Fetched(accountId, "reconcile-config", snapshots, discovered, clock.instant());
            } catch (ConfigHistory.ConfigUnavailableException e) {
                if ("config".equals(mode)) {
                    throw e;
                }
                LOG.infof("AWS Config unavailable in account %s, reconciling from IAM instead: %s", accountId,
                        e.getMessage());
            }
        }
        Instant now = clock.instant();
        return new Fetched(accountId, "reconcile-iam", accounts.authorizationDetails(accountId).snapshot(now), null, now);
    }

    /** The final state of a resource the source no longer lists: Config's last item, or a deletion now. */
    public IamSnapshot gone(Fetched fetched, ResourceType type, String accountId, String resourceId, String name,
                            String arn) {
        if (fetched.discovered() != null) {
            Optional<IamSnapshot> last = accounts.config(fetched.accountId()).latest(type, resourceId);
            if (last.isPresent() && last.get().deleted()) {
                return last.get();
            }
        }
        return IamSnapshot.deletion(accountId, type, resourceId, name, arn, fetched.fetchedAt(), null);
    }
}
