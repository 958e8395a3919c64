package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.Doc;

import java.util.function.Function;

/**
 * One IAM API action: whether it only reads, how to name the resource it is authorised against, and the
 * handler producing the {@code <ActionResult>} content (null for actions with an empty result).
 */
public record IamAction(String name, boolean readOnly, Function<IamCall, String> resource,
                        Function<IamCall, Doc> handler) {
}
