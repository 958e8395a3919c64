package io.accessloop.sandbox.core;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like AWS's: unique ids (AROA…), access keys (AKIA…/ASIA…), secrets and tokens. */
public final class Ids {

    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {
    }

    /** A unique id such as {@code AROA} followed by 17 characters. */
    public static String uniqueId(String prefix) {
        return prefix + random(UPPER_ALNUM, 17, false);
    }

    public static String accessKeyId(boolean temporary) {
        return (temporary ? "ASIA" : "AKIA") + random(UPPER_ALNUM, 16, false);
    }

    public static String secretAccessKey() {
        return random(SECRET_CHARS, 40, true);
    }

    public static String sessionToken() {
        return "IQoJb3JpZ2luX2VjE" + random(SECRET_CHARS, 180, true);
    }

    public static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    public static String hex(int length) {
        StringBuilder b = new StringBuilder(length);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }

    private static String random(char[] alphabet, int length, boolean secure) {
        char[] out = new char[length];
        if (secure) {
            byte[] bytes = new byte[length];
            SECURE.nextBytes(bytes);
            for (int i = 0; i < length; i++) {
                out[i] = alphabet[(bytes[i] & 0xff) % alphabet.length];
            }
        } else {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (int i = 0; i < length; i++) {
                out[i] = alphabet[r.nextInt(alphabet.length)];
            }
        }
        return new String(out);
    }
}
