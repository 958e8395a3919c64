package io.accessloop.drift.inventory.domain;

import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyParser;

/** Turns the URL-encoded policy documents AWS Config and IAM return into JSON text. */
public final class PolicyText {

    private PolicyText() {
    }

    public static String decode(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return PolicyParser.decode(text);
        } catch (MalformedPolicyException e) {
            throw new MalformedItemException(where + ": " + e.getMessage());
        }
    }
}
