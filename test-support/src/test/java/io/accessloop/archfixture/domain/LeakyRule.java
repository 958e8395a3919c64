package io.accessloop.archfixture.domain;

import io.quarkus.runtime.StartupEvent;

/** A domain class that breaks the rule on purpose, so that the rule is proven able to fail. */
public class LeakyRule {

    public String describe(StartupEvent event) {
        return String.valueOf(event);
    }
}
