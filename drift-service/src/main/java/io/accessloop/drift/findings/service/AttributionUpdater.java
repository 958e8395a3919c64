package io.accessloop.drift.findings.service;

import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.rules.BoundaryRemovedRule;
import io.accessloop.drift.findings.domain.rules.OutOfBandChangeRule;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.inventory.config.OwnershipSettings;
import io.accessloop.drift.inventory.repository.IamChange;
import io.accessloop.drift.inventory.repository.IamResource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * A CloudTrail call that arrives after the configuration change it caused names who did it: change findings
 * opened without an actor get one, and those Accessloop caused itself are resolved.
 */
@ApplicationScoped
public class AttributionUpdater {

    private final FindingEvaluator evaluator;
    private final OwnershipSettings settings;
    private final Clock clock;

    AttributionUpdater(FindingEvaluator evaluator, OwnershipSettings settings, Clock clock) {
        this.evaluator = evaluator;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<Void> attribute(IamChange call) {
        if (call.resourceKey == null) {
            return Uni.createFrom().voidItem();
        }
        String[] key = call.resourceKey.split(":", 2);
        return IamResource.<IamResource>list("accountId = ?1 and resourceType = ?2 and name = ?3",
                        call.accountId, key[0], key[1])
                .chain(resources -> resources.isEmpty() ? Uni.createFrom().item(List.<Finding>of())
                        : Finding.<Finding>list("principalArn in ?1 and rule in ?2 and status <> ?3 and changedBy is null "
                                        + "and openedAt >= ?4",
                                resources.stream().map(r -> r.arn).toList(),
                                List.of(OutOfBandChangeRule.ID, BoundaryRemovedRule.ID),
                                FindingStatus.RESOLVED.name(), call.occurredAt.minus(settings.attributionWindow())))
                .chain(findings -> Multi.createFrom().iterable(findings)
                        .onItem().transformToUniAndConcatenate(f -> {
                            f.changedBy = call.actorArn;
                            f.sourceIdentity = call.sourceIdentity;
                            return call.byAccessloop
                                    ? evaluator.resolve(f, "made-by-accessloop", clock.instant()).replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        })
                        .collect().last().replaceWithVoid());
    }
}
