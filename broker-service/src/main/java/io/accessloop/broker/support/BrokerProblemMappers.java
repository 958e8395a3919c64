package io.accessloop.broker.support;

import io.accessloop.broker.credentials.domain.AwsRefusal;
import io.accessloop.broker.domain.RuleViolation;
import io.accessloop.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals and AWS refusals as problem+json. */
public class BrokerProblemMappers {

    private static final Logger LOG = Logger.getLogger(BrokerProblemMappers.class);

    @ServerExceptionMapper
    public Response rule(RuleViolation e) {
        Problem problem = switch (e.kind()) {
            case CONFLICT -> Problem.of(409, e.slug(), "Conflict", e.getMessage());
            case FORBIDDEN -> Problem.of(403, e.slug(), "Not allowed", e.getMessage());
            case REFUSED -> Problem.of(422, e.slug(), "Refused by the rules", e.getMessage());
        };
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response aws(AwsRefusal e) {
        LOG.warnf("AWS refused a call: %s", e.getMessage());
        return respond(Problem.of(502, "aws-refused", "AWS refused the call", e.getMessage()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
