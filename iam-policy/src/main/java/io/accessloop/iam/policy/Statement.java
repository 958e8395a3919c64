package io.accessloop.iam.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One statement of a policy document. Absent list elements are empty lists, absent principal elements are
 * {@code null}. A statement uses either {@code actions} or {@code notActions} (likewise for resources and
 * principals); the parser enforces that, the record does not.
 */
public record Statement(
        String sid,
        Effect effect,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        Principals principals,
        Principals notPrincipals,
        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        conditions = List.copyOf(conditions);
        Set<String> seen = new HashSet<>();
        for (Condition c : conditions) {
            if (!seen.add(c.operator().jsonName() + "\u0000" + c.key())) {
                throw new IllegalArgumentException("duplicate condition " + c.operator() + " on " + c.key());
            }
        }
    }

    public static Builder allow() {
        return new Builder(Effect.ALLOW);
    }

    public static Builder deny() {
        return new Builder(Effect.DENY);
    }

    public static Builder builder(Effect effect) {
        return new Builder(effect);
    }

    public boolean isAllow() {
        return effect == Effect.ALLOW;
    }

    /** A builder that starts from this statement. */
    public Builder toBuilder() {
        Builder b = new Builder(effect);
        b.sid = sid;
        b.actions.addAll(actions);
        b.notActions.addAll(notActions);
        b.resources.addAll(resources);
        b.notResources.addAll(notResources);
        b.principals = principals;
        b.notPrincipals = notPrincipals;
        b.conditions.addAll(conditions);
        return b;
    }

    /** Fluent construction for code that writes policies (session policies, revocation denies, proposals). */
    public static final class Builder {
        private String sid;
        private Effect effect;
        private final List<String> actions = new ArrayList<>();
        private final List<String> notActions = new ArrayList<>();
        private final List<String> resources = new ArrayList<>();
        private final List<String> notResources = new ArrayList<>();
        private Principals principals;
        private Principals notPrincipals;
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(Effect effect) {
            this.effect = Objects.requireNonNull(effect, "effect");
        }

        public Builder sid(String value) {
            this.sid = value;
            return this;
        }

        public Builder effect(Effect value) {
            this.effect = Objects.requireNonNull(value, "effect");
            return this;
        }

        public Builder actions(String... values) {
            actions.addAll(Arrays.asList(values));
            return this;
        }

        public Builder actions(List<String> values) {
            actions.addAll(values);
            return this;
        }

        public Builder notActions(String... values) {
            notActions.addAll(Arrays.asList(values));
            return this;
        }

        public Builder resources(String... values) {
            resources.addAll(Arrays.asList(values));
            return this;
        }

        public Builder resources(List<String> values) {
            resources.addAll(values);
            return this;
        }

        public Builder notResources(String... values) {
            notResources.addAll(Arrays.asList(values));
            return this;
        }

        public Builder principals(Principals value) {
            this.principals = value;
            return this;
        }

        public Builder notPrincipals(Principals value) {
            this.notPrincipals = value;
            return this;
        }

        public Builder condition(String operator, String key, String... values) {
            conditions.add(Condition.of(operator, key, values));
            return this;
        }

        public Builder condition(Condition condition) {
            conditions.add(condition);
            return this;
        }

        public Builder conditions(List<Condition> values) {
            conditions.addAll(values);
            return this;
        }

        public Statement build() {
            return new Statement(sid, effect, actions, notActions, resources, notResources, principals,
                    notPrincipals, conditions);
        }
    }
}
