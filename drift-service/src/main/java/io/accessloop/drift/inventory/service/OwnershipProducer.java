package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.config.OwnershipSettings;
import io.accessloop.drift.inventory.domain.Ownership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;

@ApplicationScoped
public class OwnershipProducer {

    @Produces
    @ApplicationScoped
    Ownership ownership(OwnershipSettings settings) {
        return new Ownership(settings.accessloopActors(), settings.managedPrincipals().orElse(List.of()),
                settings.managedTag(), settings.revocationPolicyName(), settings.attributionWindow());
    }
}
