package io.accessloop.drift.rightsizing.domain;

/**
 * One IAM write with its diff.
 *
 * @param policy  inline policy name, or managed policy ARN for {@link ChangeKind#DETACH_MANAGED}
 * @param before  the document before (null for an added inline policy)
 * @param after   the document after (null for deletions and detachments)
 * @param replaces for {@link ChangeKind#ADD_INLINE}: the managed policy ARN it replaces
 */
public record PolicyChange(ChangeKind kind, String policy, String before, String after, String replaces) {
}
