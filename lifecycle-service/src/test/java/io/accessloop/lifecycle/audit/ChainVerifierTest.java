package io.accessloop.lifecycle.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.accessloop.lifecycle.audit.domain.CanonicalJson;
import io.accessloop.lifecycle.audit.domain.ChainBreak;
import io.accessloop.lifecycle.audit.domain.ChainVerifier;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.domain.LedgerHasher;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class ChainVerifierTest {

    @Test
    void anIntactChainVerifies() {
        List<LedgerEntry> chain = chain(10);
        assertThat(verify(chain)).isEmpty();
    }

    @Test
    void canonicalJsonIgnoresKeyOrder() {
        assertThat(CanonicalJson.write(CanonicalJson.read("{\"b\":1,\"a\":{\"d\":2,\"c\":[3,{\"f\":1,\"e\":0}]}}")))
                .isEqualTo("{\"a\":{\"c\":[3,{\"e\":0,\"f\":1}],\"d\":2},\"b\":1}");
    }

    @Test
    void secretsNeverReachTheLedger() {
        var data = JsonNodeFactory.instance.objectNode().put("accessKeyId", "ASIA1").put("secretAccessKey", "s")
                .put("sessionToken", "t");
        data.putObject("nested").put("password", "p").put("team", "payments");
        LedgerRecord record = new LedgerRecord("k", "s", null, null, null, null, null, Instant.EPOCH, data);
        assertThat(CanonicalJson.write(record.data()))
                .isEqualTo("{\"accessKeyId\":\"ASIA1\",\"nested\":{\"team\":\"payments\"}}");
    }

    @Test
    void anyEditedRemovedOrSwappedEntryIsFoundAtItsPlace() {
        qt().withExamples(200).forAll(integers().between(0, 9), integers().between(0, 2)).check((index, tamper) -> {
            List<LedgerEntry> chain = new ArrayList<>(chain(10));
            switch (tamper) {
                case 0 -> chain.set(index, edited(chain.get(index)));
                case 1 -> chain.remove((int) index);
                default -> {
                    int other = index == 9 ? 8 : index + 1;
                    LedgerEntry a = chain.get(Math.min(index, other));
                    chain.set(Math.min(index, other), chain.get(Math.max(index, other)));
                    chain.set(Math.max(index, other), a);
                }
            }
            Optional<ChainBreak> found = verify(chain);
            int firstTouched = tamper == 2 && index == 9 ? 8 : index;
            return found.isPresent() && found.get().seq() == firstTouched + 1;
        });
    }

    private static LedgerEntry edited(LedgerEntry e) {
        return new LedgerEntry(e.seq(), e.entryId(), e.recordedAt(), e.occurredAt(), e.kind(), e.source(),
                e.subject(), "mallory@example.com", e.grantId(), e.principalArn(), e.eventId(), e.content(),
                e.prevHash(), e.hash());
    }

    private static Optional<ChainBreak> verify(List<LedgerEntry> chain) {
        ChainVerifier verifier = new ChainVerifier();
        for (LedgerEntry entry : chain) {
            Optional<ChainBreak> broken = verifier.accept(entry);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return verifier.finish(10, chain(10).get(9).hash()).or(Optional::empty);
    }

    private static List<LedgerEntry> chain(int n) {
        List<LedgerEntry> entries = new ArrayList<>();
        String prev = LedgerHasher.GENESIS;
        for (int i = 1; i <= n; i++) {
            LedgerEntry draft = new LedgerEntry(i, "evt_" + i, Instant.parse("2026-12-04T09:00:00Z").plusSeconds(i),
                    Instant.parse("2026-12-04T09:00:00Z"), "kind", "/broker-service", "grt_" + i,
                    "alice@example.com", "grt_" + i, null, "id-" + i, "{\"n\":" + i + "}", prev, null);
            LedgerEntry entry = new LedgerEntry(draft.seq(), draft.entryId(), draft.recordedAt(), draft.occurredAt(),
                    draft.kind(), draft.source(), draft.subject(), draft.identity(), draft.grantId(),
                    draft.principalArn(), draft.eventId(), draft.content(), prev, draft.expectedHash());
            entries.add(entry);
            prev = entry.hash();
        }
        return entries;
    }
}
