package io.accessloop.lifecycle.audit.service;

import io.accessloop.lifecycle.audit.domain.ChainBreak;
import io.accessloop.lifecycle.audit.domain.ChainVerifier;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.repository.LedgerReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Walks the whole chain page by page up to the head read at the start, and reports the first broken link. */
@ApplicationScoped
public class LedgerVerification {

    private static final int PAGE = 1000;

    private final LedgerReader reader;

    LedgerVerification(LedgerReader reader) {
        this.reader = reader;
    }

    public Uni<Result> verify() {
        return reader.head().chain(head -> {
            ChainVerifier verifier = new ChainVerifier();
            return walk(verifier, 0, head.seq()).map(broken -> {
                Optional<ChainBreak> result = broken.isPresent() ? broken : verifier.finish(head.seq(), head.hash());
                return new Result(result.isEmpty(), verifier.checked(), head.seq(), head.hash(), result.orElse(null));
            });
        });
    }

    private Uni<Optional<ChainBreak>> walk(ChainVerifier verifier, long afterSeq, long untilSeq) {
        return reader.chain(afterSeq, untilSeq, PAGE).chain(entries -> {
            Optional<ChainBreak> broken = check(verifier, entries);
            if (broken.isPresent() || entries.size() < PAGE) {
                return Uni.createFrom().item(broken);
            }
            return walk(verifier, entries.get(entries.size() - 1).seq(), untilSeq);
        });
    }

    private static Optional<ChainBreak> check(ChainVerifier verifier, List<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            Optional<ChainBreak> broken = verifier.accept(entry);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    /** Outcome of a verification: {@code firstBreak} is null when the chain holds. */
    public record Result(boolean valid, long checked, long headSeq, String headHash, ChainBreak firstBreak) {
    }
}
