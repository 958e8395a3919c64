package io.accessloop.sandbox.config;

import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.iam.IamChange;
import io.accessloop.sandbox.iam.IamChangeListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The AWS Config recorder for {@code AWS::IAM::User|Group|Role|Policy}: every IAM change that alters a
 * resource's configuration becomes a configuration item in its history and an EventBridge
 * {@code Config Configuration Item Change} event for the notification targets.
 */
public final class ConfigRecorder implements IamChangeListener {

    private final String accountId;
    private final String region;
    private final ChangeNotifier notifier;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, List<ConfigItem>> history = new TreeMap<>();
    private long stateId = 1;

    public ConfigRecorder(String accountId, String region, ChangeNotifier notifier) {
        this.accountId = accountId;
        this.region = region;
        this.notifier = notifier;
    }

    public String accountId() {
        return accountId;
    }

    private static String key(String type, String id) {
        return type + '|' + id;
    }

    @Override
    public void changed(List<IamChange> changes, Instant when) {
        List<Map<String, Object>> events = new ArrayList<>();
        lock.writeLock().lock();
        try {
            for (IamChange change : changes) {
                List<ConfigItem> items = history.computeIfAbsent(key(change.resourceType(), change.resourceId()),
                        k -> new ArrayList<>());
                ConfigItem previous = items.isEmpty() ? null : items.get(items.size() - 1);
                if (previous != null && previous.deleted() && change.deleted()) {
                    continue;
                }
                if (previous != null && !change.deleted() && !previous.deleted()
                        && Objects.equals(previous.configuration(), change.configuration())
                        && Objects.equals(previous.tags(), change.tags())) {
                    continue;
                }
                String status = change.deleted() ? "ResourceDeleted"
                        : previous == null || previous.deleted() ? "ResourceDiscovered" : "OK";
                ConfigItem item = new ConfigItem(change.resourceType(), change.resourceId(), change.resourceName(),
                        change.arn(), when, status, stateId++, change.resourceCreationTime(), change.tags(),
                        change.configuration());
                items.add(item);
                events.add(ConfigEvents.changeEvent(accountId, region, previous, item, when,
                        UUID.randomUUID().toString()));
            }
        } finally {
            lock.writeLock().unlock();
        }
        events.forEach(notifier::publish);
    }

    /** The history of one resource, oldest first; null when Config never recorded it. */
    public List<ConfigItem> history(String type, String id) {
        lock.readLock().lock();
        try {
            List<ConfigItem> items = history.get(key(type, id));
            return items == null ? null : List.copyOf(items);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The latest item of every recorded resource of a type. */
    public List<ConfigItem> latest(String type) {
        List<ConfigItem> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (List<ConfigItem> items : history.values()) {
                ConfigItem last = items.get(items.size() - 1);
                if (last.resourceType().equals(type)) {
                    out.add(last);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return out;
    }

    public void clear() {
        lock.writeLock().lock();
        try {
            history.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Top-level configuration fields that differ, keyed as Config names them ({@code Configuration.x}). */
    static Map<String, Object> changedProperties(ConfigItem previous, ConfigItem current) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (previous == null || previous.deleted()) {
            changed.put("Configuration", Doc.of().with("updatedValue", current.configuration())
                    .with("changeType", "CREATE"));
            return changed;
        }
        if (current.deleted()) {
            changed.put("Configuration", Doc.of().with("previousValue", previous.configuration())
                    .with("changeType", "DELETE"));
            return changed;
        }
        for (String field : union(previous.configuration(), current.configuration())) {
            Object before = previous.configuration().get(field);
            Object after = current.configuration().get(field);
            if (!Objects.equals(before, after)) {
                changed.put("Configuration." + field, Doc.of().with("previousValue", before)
                        .with("updatedValue", after).with("changeType", "UPDATE"));
            }
        }
        if (!Objects.equals(previous.tags(), current.tags())) {
            changed.put("Tags", Doc.of().with("previousValue", previous.tags()).with("updatedValue", current.tags())
                    .with("changeType", "UPDATE"));
        }
        return changed;
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }
}
