package io.accessloop.drift.remediation.service;

import io.accessloop.drift.remediation.config.RemediationSettings;
import io.accessloop.drift.remediation.domain.RemediationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The remediation policy from settings: only the rules switched on, each with its principal scope. */
@ApplicationScoped
public class RemediationPolicyProducer {

    @Produces
    @ApplicationScoped
    RemediationPolicy policy(RemediationSettings settings) {
        Map<String, List<String>> enabled = new LinkedHashMap<>();
        add(enabled, RemediationPolicy.OUT_OF_BAND, settings.outOfBandChange());
        add(enabled, RemediationPolicy.OLD_KEY, settings.accessKeyTooOld());
        add(enabled, RemediationPolicy.HUMAN_KEY, settings.humanUserAccessKey());
        return new RemediationPolicy(enabled);
    }

    private static void add(Map<String, List<String>> enabled, String rule, RemediationSettings.RuleRemediation r) {
        if (r.enabled()) {
            enabled.put(rule, r.principals().orElse(List.of()));
        }
    }
}
