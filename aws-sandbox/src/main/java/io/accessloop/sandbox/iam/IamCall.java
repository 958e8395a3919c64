package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.protocol.QueryParams;

import java.time.Instant;

/** One IAM API call as the handlers see it. */
public record IamCall(QueryParams params, Caller caller, Instant now, String region) {
}
