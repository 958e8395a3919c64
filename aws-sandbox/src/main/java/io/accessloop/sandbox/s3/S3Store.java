package io.accessloop.sandbox.s3;

import io.accessloop.sandbox.core.AwsError;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Buckets and their objects, in memory; keys in UTF-8 binary order as S3 lists them. */
final class S3Store {

    /** One stored object. */
    record StoredObject(String key, byte[] data, String etag, Instant lastModified) {
    }

    /** One page of a listing; {@code nextKey} is the last key returned when more follow, else null. */
    record Listing(List<StoredObject> objects, boolean truncated, String lastKey) {
    }

    private final Map<String, NavigableMap<String, StoredObject>> buckets = new TreeMap<>();

    synchronized void createBucket(String bucket) {
        if (buckets.containsKey(bucket)) {
            throw new AwsError("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket "
                    + "succeeded and you already own it.");
        }
        buckets.put(bucket, new TreeMap<>());
    }

    synchronized StoredObject put(String bucket, String key, byte[] data, Instant now) {
        StoredObject o = new StoredObject(key, data, md5(data), now);
        bucket(bucket).put(key, o);
        return o;
    }

    synchronized StoredObject get(String bucket, String key) {
        StoredObject o = bucket(bucket).get(key);
        if (o == null) {
            throw new AwsError("NoSuchKey", 404, "The specified key does not exist.");
        }
        return o;
    }

    /** Keys with the prefix after {@code after} (exclusive), at most {@code max}. */
    synchronized Listing list(String bucket, String prefix, String after, int max) {
        NavigableMap<String, StoredObject> objects = bucket(bucket);
        NavigableMap<String, StoredObject> from = after == null || after.isEmpty() ? objects
                : objects.tailMap(after, false);
        List<StoredObject> page = new ArrayList<>();
        boolean truncated = false;
        for (StoredObject o : from.values()) {
            if (!o.key().startsWith(prefix)) {
                if (o.key().compareTo(prefix) > 0) {
                    break;
                }
                continue;
            }
            if (page.size() == max) {
                truncated = true;
                break;
            }
            page.add(o);
        }
        return new Listing(page, truncated, page.isEmpty() ? null : page.get(page.size() - 1).key());
    }

    synchronized void clear() {
        buckets.clear();
    }

    private NavigableMap<String, StoredObject> bucket(String bucket) {
        NavigableMap<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            throw new AwsError("NoSuchBucket", 404, "The specified bucket does not exist.");
        }
        return objects;
    }

    private static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
