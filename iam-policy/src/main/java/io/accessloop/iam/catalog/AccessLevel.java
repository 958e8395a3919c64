package io.accessloop.iam.catalog;

/** The access levels of AWS's Service Authorization Reference. */
public enum AccessLevel {
    READ('R'),
    LIST('L'),
    WRITE('W'),
    PERMISSIONS_MANAGEMENT('P'),
    TAGGING('T');

    private final char code;

    AccessLevel(char code) {
        this.code = code;
    }

    static AccessLevel fromCode(char code) {
        for (AccessLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level code " + code);
    }
}
