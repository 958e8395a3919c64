package io.accessloop.lifecycle.hr;

import io.accessloop.lifecycle.hr.domain.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private final WebhookSignature verifier = new WebhookSignature(
            Map.of("workday", List.of("current", "previous"), "bamboo", List.of("other")), Duration.ofMinutes(5));

    @Test
    void theSignatureIsTheHexHmacOfTimestampDotBody() {
        // HMAC-SHA256("current", "1733302800.{}") computed independently with openssl
        assertThat(WebhookSignature.sign("current", 1733302800L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1733302800,v1=" + OPENSSL_HEX);
    }

    @Test
    void eitherSecretOfARotationAndTheSourceAreRecognised() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        long t = NOW.getEpochSecond();
        assertThat(verifier.verify(WebhookSignature.sign("previous", t, body), body, NOW))
                .isEqualTo(new WebhookSignature.Verdict(WebhookSignature.Outcome.VALID, "workday"));
        assertThat(verifier.verify(WebhookSignature.sign("other", t, body), body, NOW).source()).isEqualTo("bamboo");
    }

    @Test
    void theToleranceIsFiveMinutesEitherWay() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(WebhookSignature.sign("current", NOW.getEpochSecond() - 300, body), body, NOW).valid())
                .isTrue();
        assertThat(verifier.verify(WebhookSignature.sign("current", NOW.getEpochSecond() - 301, body), body, NOW)
                .outcome()).isEqualTo(WebhookSignature.Outcome.STALE);
        assertThat(verifier.verify(WebhookSignature.sign("current", NOW.getEpochSecond() + 301, body), body, NOW)
                .outcome()).isEqualTo(WebhookSignature.Outcome.STALE);
    }

    @Test
    void anyChangedByteOfTheBodyIsAForgery() {
        qt().withExamples(300).forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 200), integers().all())
                .check((text, seed) -> {
                    byte[] body = text.getBytes(StandardCharsets.UTF_8);
                    String header = WebhookSignature.sign("current", NOW.getEpochSecond(), body);
                    byte[] changed = body.clone();
                    int at = Math.floorMod(seed, changed.length);
                    changed[at] = (byte) (changed[at] ^ (1 + Math.floorMod(seed >> 8, 127)));
                    return verifier.verify(header, body, NOW).valid()
                            && verifier.verify(header, changed, NOW).outcome() == WebhookSignature.Outcome.FORGED;
                });
    }

    @Test
    void missingAndUnreadableHeadersAreNotSignatures() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(null, body, NOW).outcome()).isEqualTo(WebhookSignature.Outcome.UNSIGNED);
        assertThat(verifier.verify(" ", body, NOW).outcome()).isEqualTo(WebhookSignature.Outcome.UNSIGNED);
        for (String header : List.of("t=1", "v1=" + "a".repeat(64), "t=x,v1=" + "a".repeat(64), "t=1,v1=abc",
                "t=1,t=2,v1=" + "a".repeat(64), "garbage", "t=1,v1=" + "a".repeat(64) + ",x")) {
            assertThat(verifier.verify(header, body, NOW).outcome()).as(header)
                    .isEqualTo(WebhookSignature.Outcome.MALFORMED);
        }
    }

    private static final String OPENSSL_HEX = "d4dfb54d6a4c58f747b633fc4982762989810bc89113d511359bb7ceaaf7b2d5";
}
