package io.accessloop.drift.findings.service;

import io.accessloop.drift.findings.config.RulesSettings;
import io.accessloop.drift.findings.domain.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.HashSet;
import java.util.List;

/** Builds the rule book from settings once; a severity for an unknown rule fails the start. */
@ApplicationScoped
public class RuleBookProducer {

    @Produces
    @ApplicationScoped
    RuleBook ruleBook(RulesSettings settings) {
        return new RuleBook(
                RuleBook.standardRules(new HashSet<>(settings.trustedAccounts().orElse(List.of())),
                        settings.inlineSizeThresholdPercent()),
                RuleBook.credentialRules(settings.humanUsers().orElse(List.of()), settings.maxAccessKeyAgeDays(),
                        settings.unusedDays()),
                settings.severity(), new HashSet<>(settings.disabled().orElse(List.of())));
    }
}
