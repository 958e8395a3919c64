package io.accessloop.lifecycle.identity.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The e-mail addresses Accessloop accepts as a person's key: a conservative ASCII subset of RFC 5322's addr-spec.
 * The local part is dot-separated atoms of letters, digits and {@code !#$%&'*+/=?^_`{|}~-} (no leading, trailing or
 * double dot, no quoting); the domain is letter-digit-hyphen labels (no leading or trailing hyphen, at most 63
 * characters each) ending in an alphabetic top-level domain of two or more letters or an {@code xn--} one. Nothing is trimmed or repaired: bidirectional
 * overrides, zero-width characters, look-alike letters from other scripts, whitespace and markup are all refused,
 * because identities are shown to people and end up in logs, events and the ledger.
 */
public final class EmailAddress {

    /** What the rule allows, in words for error messages. */
    public static final String RULE = "an ASCII e-mail address: local part of letters, digits and "
            + "!#$%&'*+/=?^_`{|}~- in dot-separated parts, @, a domain of letter-digit-hyphen labels ending in "
            + "an alphabetic (or xn--) top-level domain; at most 254 characters";

    private static final Pattern LOCAL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                    + "(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{0,58}[A-Za-z0-9])");
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    private EmailAddress() {
    }

    /** The address lower-cased, or empty when it does not follow {@link #RULE}. */
    public static Optional<String> normalize(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int at = candidate.indexOf('@');
        if (at <= 0 || at != candidate.lastIndexOf('@')) {
            return Optional.empty();
        }
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        if (local.length() > MAX_LOCAL || domain.length() > MAX_DOMAIN
                || !LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate.toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String candidate) {
        return normalize(candidate).isPresent();
    }
}
