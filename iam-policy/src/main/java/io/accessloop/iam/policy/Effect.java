package io.accessloop.iam.policy;

/** The effect of a policy statement. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String jsonName;

    Effect(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling used in policy documents ({@code Allow} or {@code Deny}). */
    public String jsonName() {
        return jsonName;
    }

    /** Parses the exact, case-sensitive spelling IAM accepts, or returns {@code null}. */
    static Effect fromJson(String value) {
        for (Effect effect : values()) {
            if (effect.jsonName.equals(value)) {
                return effect;
            }
        }
        return null;
    }
}
