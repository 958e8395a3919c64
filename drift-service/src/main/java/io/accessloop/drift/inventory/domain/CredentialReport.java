package io.accessloop.drift.inventory.domain;

/** Port to IAM's credential report (GenerateCredentialReport + GetCredentialReport). */
public interface CredentialReport {

    /** The report's CSV text, freshly generated. */
    String csv();
}
