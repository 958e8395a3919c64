package io.accessloop.drift.rightsizing.rest;

import io.accessloop.drift.rightsizing.domain.ProposalRefusedException;
import io.accessloop.drift.rightsizing.domain.ProposalStateException;
import io.accessloop.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Proposal state conflicts (409) and rule refusals (422) as problem+json. */
public class RightsizingProblemMappers {

    @ServerExceptionMapper
    public Response state(ProposalStateException e) {
        return respond(Problem.of(409, "proposal-state", "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response refused(ProposalRefusedException e) {
        return respond(Problem.of(422, e.slug(), "Refused by the rules", e.getMessage()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
