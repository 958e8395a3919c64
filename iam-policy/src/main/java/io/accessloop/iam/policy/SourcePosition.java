package io.accessloop.iam.policy;

import com.fasterxml.jackson.core.JsonLocation;

/** A 1-based line/column in a policy document being parsed. */
record SourcePosition(int line, int column) {

    static final SourcePosition UNKNOWN = new SourcePosition(-1, -1);

    /** Jackson reports column 0 at the end of an input with nothing on its last line (an empty document). */
    static SourcePosition of(JsonLocation location) {
        return location == null ? UNKNOWN
                : new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    MalformedPolicyException fault(MalformedPolicyException.Reason reason, String message) {
        return new MalformedPolicyException(reason, message, line, column);
    }
}
