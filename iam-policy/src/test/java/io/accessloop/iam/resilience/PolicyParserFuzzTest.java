package io.accessloop.iam.resilience;

import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.PolicySizeLimits;
import io.accessloop.iam.testing.PolicyGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.quicktheories.impl.Constraint;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

/**
 * Property-based fuzzing of the policy parser with hostile documents: random unicode, JSON token soup, valid policies
 * with random damage, random URL encodings and deep nesting. Every document is either parsed or refused with
 * {@link MalformedPolicyException} (never another exception, never a stack overflow), and a refusal that names a
 * position names one inside the document. The timeout only catches a parser that never returns.
 */
@Timeout(300)
class PolicyParserFuzzTest {

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"Version\"", "\"2012-10-17\"",
            "\"2008-10-17\"", "\"Statement\"", "\"Sid\"", "\"Effect\"", "\"Allow\"", "\"Deny\"", "\"Action\"",
            "\"NotAction\"", "\"Resource\"", "\"NotResource\"", "\"Principal\"", "\"NotPrincipal\"", "\"Condition\"",
            "\"StringEquals\"", "\"ForAnyValue:StringLike\"", "\"NumericLessThanIfExists\"", "\"Null\"",
            "\"aws:SourceIp\"", "\"s3:GetObject\"", "\"s3:*\"", "\"*\"", "\"arn:aws:s3:::b/*\"", "\"${aws:username}\"",
            "\"AWS\"", "\"Service\"", "\"arn:aws:iam::123456789012:root\"", "\"\"", "null", "true", "false", "0", "-1",
            "1e999", "12345678901234567890", "\"\\u0000\"", "\"\\ud800\"", "\"\\\"", " ", "\n", "\r\n", "\t", "%",
            "%7B", "%22", "%zz", "\uFEFF", "/*", "//");

    @Test
    void aBlankDocumentIsRefusedAtAOneBasedPosition() {
        for (String blank : List.of("", "   ", "\n", "\n\n  ")) {
            parsedOrRefused(blank);
        }
    }

    @Test
    void randomUnicodeIsParsedOrRefusedWithAPosition() {
        qt().withExamples(2000).forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 300))
                .checkAssert(PolicyParserFuzzTest::parsedOrRefused);
    }

    @Test
    void jsonTokenSoupIsParsedOrRefusedWithAPosition() {
        qt().withExamples(3000).forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, TOKENS.size() - 1))
                        .ofSizeBetween(0, 80))
                .checkAssert(indexes -> {
                    StringBuilder text = new StringBuilder();
                    indexes.forEach(i -> text.append(TOKENS.get(i)));
                    parsedOrRefused(text.toString());
                });
    }

    @Test
    void aValidPolicyWithRandomDamageIsParsedOrRefusedWithAPosition() {
        qt().withExamples(3000).forAll(PolicyGen.documents(), damage())
                .checkAssert((doc, edit) -> parsedOrRefused(edit.apply(doc.toPrettyJson())));
    }

    @Test
    void randomUrlEncodingsAreDecodedOrRefused() {
        Gen<String> encoded = SourceDSL.lists().of(SourceDSL.integers().between(0, 3)).ofSizeBetween(1, 60)
                .zip(SourceDSL.strings().ascii().ofLengthBetween(0, 60), (kinds, ascii) -> {
                    StringBuilder text = new StringBuilder("%7B");
                    for (int i = 0; i < kinds.size(); i++) {
                        char c = ascii.isEmpty() ? 'a' : ascii.charAt(i % ascii.length());
                        switch (kinds.get(i)) {
                            case 0 -> text.append('%').append(String.format("%02X", (int) c));
                            case 1 -> text.append(c);
                            case 2 -> text.append('%').append(c);
                            default -> text.append("%E2%80");
                        }
                    }
                    return text.toString();
                });
        qt().withExamples(2000).forAll(encoded).checkAssert(PolicyParserFuzzTest::parsedOrRefused);
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        qt().withExamples(40).forAll(SourceDSL.integers().between(1_000, 200_000), SourceDSL.integers().between(0, 2))
                .checkAssert((depth, shape) -> {
                    String open = switch (shape) {
                        case 0 -> "[";
                        case 1 -> "{\"a\":";
                        default -> "{\"Statement\":[";
                    };
                    String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                            + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":" + open.repeat(depth) + "}}}]}";
                    parsedOrRefused(doc);
                });
    }

    @Test
    void aRefusalIsTheSameEveryTimeAndTheKindRulesAndSizeLimitsRefuseTheSameWay() {
        qt().withExamples(1000).forAll(PolicyGen.documents(), damage()).checkAssert((doc, edit) -> {
            String text = edit.apply(doc.toPrettyJson());
            String first = outcome(() -> PolicyParser.parse(text));
            assertThat(outcome(() -> PolicyParser.parse(text))).isEqualTo(first);
            for (PolicyKind kind : PolicyKind.values()) {
                parsedOrRefused(text, () -> PolicyParser.parse(text, kind));
                for (PolicySizeLimits.Limit limit : PolicySizeLimits.Limit.values()) {
                    parsedOrRefused(text, () -> PolicyParser.parse(text, kind, limit));
                }
            }
        });
    }

    /** One random edit of a document: delete, insert, swap, duplicate or truncate a slice. */
    private static Gen<java.util.function.UnaryOperator<String>> damage() {
        return (in) -> {
            int kind = (int) in.next(Constraint.between(0, 5));
            long a = in.next(Constraint.between(0, 10_000));
            long b = in.next(Constraint.between(0, 10_000));
            String insert = TOKENS.get((int) in.next(Constraint.between(0, TOKENS.size() - 1)));
            return text -> {
                if (text.isEmpty()) {
                    return insert;
                }
                int i = (int) (a % text.length());
                int j = Math.min(text.length(), i + (int) (b % 40));
                return switch (kind) {
                    case 0 -> text.substring(0, i) + text.substring(j);
                    case 1 -> text.substring(0, i) + insert + text.substring(i);
                    case 2 -> text.substring(0, i) + text.substring(i, j).replace('"', '\'') + text.substring(j);
                    case 3 -> text.substring(0, j) + text.substring(i, j) + text.substring(j);
                    case 4 -> text.substring(0, i);
                    default -> text.substring(0, i) + insert + insert + text.substring(j);
                };
            };
        };
    }

    private static void parsedOrRefused(String text) {
        parsedOrRefused(text, () -> PolicyParser.parse(text));
    }

    private static void parsedOrRefused(String text, Runnable parse) {
        try {
            parse.run();
        } catch (MalformedPolicyException e) {
            assertThat(e.errorCode()).isIn("MalformedPolicyDocument", "LimitExceeded");
            assertThat(e.iamMessage()).isNotBlank();
            if (e.line() != -1 || e.column() != -1) {
                String[] lines = PolicyParser.decode(text).split("\r\n|\r|\n", -1);
                assertThat(e.line()).as("line of %s", e.getMessage()).isBetween(1, lines.length);
                assertThat(e.column()).as("column of %s", e.getMessage())
                        .isBetween(1, lines[e.line() - 1].length() + 2);
            }
        } catch (StackOverflowError e) {
            fail("stack overflow on a document of " + text.length() + " characters");
        } catch (RuntimeException e) {
            fail("unexpected " + e + " for " + abbreviate(text), e);
        }
    }

    private static String outcome(Runnable parse) {
        try {
            parse.run();
            return "parsed";
        } catch (MalformedPolicyException e) {
            return e.reason() + " " + e.getMessage();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
