package io.accessloop.lifecycle.hr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.hr.service.HrIntake;
import io.accessloop.lifecycle.security.CurrentCaller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The status URL of a non-termination HR event: the answer it got (security, auditors, admins). */
@Path("/api/v1/hr/events/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class HrEventResource {

    private final HrIntake intake;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    HrEventResource(HrIntake intake, CurrentCaller caller, ObjectMapper mapper) {
        this.intake = intake;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    public Uni<JsonNode> get(@PathParam("id") String id) {
        if (!caller.get().seesEveryone()) {
            throw ProblemException.notFound("HR event " + id);
        }
        return Panache.withSession(() -> intake.stored(id)).map(stored -> {
            if (stored == null) {
                throw ProblemException.notFound("HR event " + id);
            }
            try {
                return mapper.readTree(stored.response());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
