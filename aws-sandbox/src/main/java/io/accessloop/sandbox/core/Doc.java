package io.accessloop.sandbox.core;

import java.util.LinkedHashMap;

/**
 * An ordered response tree (values: String, Number, Boolean, Instant, Doc, List) rendered as Query XML,
 * JSON 1.1 or a CloudTrail element. Null values are skipped so optional members simply do not appear.
 */
public final class Doc extends LinkedHashMap<String, Object> {

    public static Doc of() {
        return new Doc();
    }

    public Doc with(String key, Object value) {
        if (value != null) {
            put(key, value);
        }
        return this;
    }
}
