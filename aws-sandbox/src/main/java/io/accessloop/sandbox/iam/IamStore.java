package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.AwsError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The IAM state of the one sandbox account. Writers hold the write lock; readers (evaluation of every call)
 * the read lock. Access keys are also indexed in a concurrent map so signature checks need no lock.
 */
public final class IamStore {

    private final String accountId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Map<String, Role> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, User> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, Group> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, ManagedPolicy> policies = new TreeMap<>();
    final Map<String, InstanceProfile> instanceProfiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, MfaDevice> mfaDevices = new TreeMap<>();
    final Map<String, List<AccessKey>> keysByUser = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, AccessKey> keysById = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> touched = new IdentityHashMap<>();
    private final List<IamChange> deletions = new ArrayList<>();
    private volatile IamChangeListener listener = (changes, when) -> { };
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public IamStore(String accountId) {
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public void listener(IamChangeListener listener) {
        this.listener = listener;
    }

    /** Increases with every write: caches of derived data (policy sets) compare it. */
    public long version() {
        return version.get();
    }

    public <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a mutation and then reports every resource it touched to the change listener. */
    public <T> T write(java.time.Instant now, Supplier<T> work) {
        lock.writeLock().lock();
        try {
            try {
                return work.get();
            } finally {
                version.incrementAndGet();
                flushChanges(now);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void flushChanges(java.time.Instant now) {
        if (touched.isEmpty() && deletions.isEmpty()) {
            return;
        }
        List<IamChange> changes = new ArrayList<>(deletions);
        for (Object entity : touched.keySet()) {
            IamChange change = IamSnapshots.snapshot(this, entity);
            if (change != null) {
                changes.add(change);
            }
        }
        touched.clear();
        deletions.clear();
        listener.changed(changes, now);
    }

    void touch(Object entity) {
        touched.put(entity, Boolean.TRUE);
    }

    void deleted(Object entity) {
        touched.remove(entity);
        deletions.add(IamSnapshots.deletion(entity));
    }

    public void clear() {
        lock.writeLock().lock();
        try {
            roles.clear();
            users.clear();
            groups.clear();
            policies.clear();
            instanceProfiles.clear();
            mfaDevices.clear();
            keysByUser.clear();
            keysById.clear();
            touched.clear();
            deletions.clear();
            version.incrementAndGet();
            AwsManagedPolicies.install(this);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // lookups (callers hold a lock)

    public Role role(String name) {
        return existing(roles.get(name), "The role with name " + name + " cannot be found.");
    }

    public Role findRole(String name) {
        return roles.get(name);
    }

    public User user(String name) {
        return existing(users.get(name), "The user with name " + name + " cannot be found.");
    }

    public User findUser(String name) {
        return users.get(name);
    }

    public Group group(String name) {
        return existing(groups.get(name), "The group with name " + name + " cannot be found.");
    }

    public Group findGroup(String name) {
        return groups.get(name);
    }

    public ManagedPolicy policy(String arn) {
        return existing(policies.get(arn), "Policy " + arn + " does not exist or is not attachable.");
    }

    /** The entity, or AWS's NoSuchEntity error with IAM's own wording when there is none. */
    private static <T> T existing(T entity, String missing) {
        if (entity == null) {
            throw AwsError.noSuchEntity(missing);
        }
        return entity;
    }

    public ManagedPolicy findPolicy(String arn) {
        return policies.get(arn);
    }

    public Collection<Role> allRoles() {
        return roles.values();
    }

    public Collection<User> allUsers() {
        return users.values();
    }

    public Collection<Group> allGroups() {
        return groups.values();
    }

    public Collection<ManagedPolicy> allPolicies() {
        return policies.values();
    }

    public List<AccessKey> keysOf(String userName) {
        return keysByUser.getOrDefault(userName, List.of());
    }

    /** Lock-free: used by signature verification on every request. */
    public AccessKey accessKey(String accessKeyId) {
        return keysById.get(accessKeyId);
    }

    void addKey(AccessKey key) {
        keysByUser.computeIfAbsent(key.userName, k -> new ArrayList<>()).add(key);
        keysById.put(key.id, key);
    }

    void removeKey(AccessKey key) {
        List<AccessKey> list = keysByUser.get(key.userName);
        if (list != null) {
            list.remove(key);
            if (list.isEmpty()) {
                keysByUser.remove(key.userName);
            }
        }
        keysById.remove(key.id);
    }

    int attachmentCount(String policyArn) {
        int count = 0;
        for (Role r : roles.values()) {
            count += r.attachedPolicyArns.contains(policyArn) ? 1 : 0;
        }
        for (User u : users.values()) {
            count += u.attachedPolicyArns.contains(policyArn) ? 1 : 0;
        }
        for (Group g : groups.values()) {
            count += g.attachedPolicyArns.contains(policyArn) ? 1 : 0;
        }
        return count;
    }

    int boundaryUsageCount(String policyArn) {
        int count = 0;
        for (Role r : roles.values()) {
            count += policyArn.equals(r.permissionsBoundaryArn) ? 1 : 0;
        }
        for (User u : users.values()) {
            count += policyArn.equals(u.permissionsBoundaryArn) ? 1 : 0;
        }
        return count;
    }
}
