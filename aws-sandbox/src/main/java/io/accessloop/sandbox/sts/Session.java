package io.accessloop.sandbox.sts;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.auth.KeyMaterial;

/** Temporary credentials and the caller they stand for. */
public record Session(KeyMaterial key, Caller caller) {
}
