package io.accessloop.drift.accessanalyzer.domain;

import java.util.List;

/** Port: the unused-access analyzers of the account and their active findings. */
public interface UnusedAccessSource {

    /** ARNs of the account's analyzers of type {@code ACCOUNT_UNUSED_ACCESS} (empty: the account has none). */
    List<String> unusedAccessAnalyzers();

    /** Every active finding of the analyzer, with its details. */
    List<UnusedAccessFinding> activeFindings(String analyzerArn);

    /**
     * The credential-report slot (1 or 2) of a user's access key, so a key finding meets the credential rule's
     * finding for the same key; 0 when the key is not found.
     */
    int accessKeySlot(String userArn, String accessKeyId);
}
