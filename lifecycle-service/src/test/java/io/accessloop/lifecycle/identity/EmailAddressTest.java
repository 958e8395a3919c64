package io.accessloop.lifecycle.identity;

import io.accessloop.lifecycle.identity.domain.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class EmailAddressTest {

    /** Hostile or sloppy addresses, each with the trick it plays. */
    static final String[] HOSTILE = {
            "alice\u202E@example.com",            // right-to-left override
            "ali\u202Dce@example.com",            // left-to-right override
            "alice@exa\u2066mple.com",            // bidi isolate
            "al\u200Bice@example.com",            // zero-width space
            "alice\u200D@example.com",            // zero-width joiner
            "\uFEFFalice@example.com",            // byte-order mark
            "\u0430lice@example.com",             // Cyrillic a
            "alice@ex\u0430mple.com",             // Cyrillic a in the domain
            "alice@example.\u0441om",             // Cyrillic es in the TLD
            "ålice@example.com",                  // non-ASCII letter
            "alice@xn--exmple-cua.com\u0301",     // combining accent
            "<script>@x.com",                     // markup
            "\"><img src=x onerror=alert(1)>@example.com",
            "alice<b>@example.com",
            "\"alice\"@example.com",              // quoted local part
            "alice(comment)@example.com",
            "alice @example.com",
            " alice@example.com",
            "alice@example.com ",
            "alice@example.com\n",
            "alice@example.com\r\nBcc: all@example.com",
            ".alice@example.com",
            "alice.@example.com",
            "al..ice@example.com",
            "alice@@example.com",
            "alice@",
            "@example.com",
            "alice",
            "alice@example",                      // no TLD
            "alice@example.c",                    // one-letter TLD
            "alice@example.c0m",                  // digit in the TLD
            "alice@-example.com",
            "alice@example-.com",
            "alice@exa_mple.com",
            "alice@example..com",
            "alice@.example.com",
            "alice@[127.0.0.1]",
            "alice@example.com.",
            "a\u0000@example.com",
            ""
    };

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "Alice.Smith@Example.COM", "o'brien+aws@mail.example.co.uk",
            "x!#$%&'*+/=?^_`{|}~-y@a-b.example.io", "1@2.xn--p1ai"})
    void conservativeAsciiAddressesAreAcceptedLowerCased(String address) {
        assertThat(EmailAddress.normalize(address)).contains(address.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void bidiZeroWidthHomoglyphMarkupAndMalformedAddressesAreRefused() {
        for (String hostile : HOSTILE) {
            assertThat(EmailAddress.normalize(hostile)).as("%s", hostile.codePoints()
                    .mapToObj(c -> String.format("U+%04X", c)).toList()).isEmpty();
        }
    }

    @Test
    void partsOverTheirLengthLimitsAreRefused() {
        assertThat(EmailAddress.isValid("a".repeat(64) + "@example.com")).isTrue();
        assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
        assertThat(EmailAddress.isValid("a@" + "b".repeat(63) + ".com")).isTrue();
        assertThat(EmailAddress.isValid("a@" + "b".repeat(64) + ".com")).isFalse();
        String domain = ("d".repeat(60) + ".").repeat(4) + "com";
        assertThat(EmailAddress.isValid("a@" + domain)).isTrue();
        assertThat(EmailAddress.isValid("a".repeat(10) + "@" + domain)).as("over 254 characters in all").isFalse();
    }

    @Test
    void anythingAcceptedIsPrintableAsciiWithExactlyOneAt() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40)).check(text ->
                EmailAddress.normalize(text).map(accepted -> accepted.chars().allMatch(c -> c > 0x20 && c < 0x7F)
                        && accepted.chars().filter(c -> c == '@').count() == 1
                        && !accepted.contains("<") && !accepted.contains(">") && !accepted.contains("\""))
                        .orElse(true));
    }
}
