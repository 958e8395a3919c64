package io.accessloop.portal.clients;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.List;

/** Turns every 4xx/5xx answer of a service into a {@link ServiceProblem}, reading its problem+json when present. */
public class ProblemResponseMapper implements ResponseExceptionMapper<ServiceProblem> {

    @Override
    public ServiceProblem toThrowable(Response response) {
        int status = response.getStatus();
        Problem problem = read(response);
        if (problem != null && problem.title() != null) {
            return new ServiceProblem(status, problem.title(), problem.detail(), problem.errors());
        }
        return new ServiceProblem(status, fallbackTitle(status), null, List.of());
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static Problem read(Response response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json")) {
            return null;
        }
        try {
            return response.readEntity(Problem.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String fallbackTitle(int status) {
        if (status == 401) {
            return "Your sign-in is no longer accepted";
        }
        if (status == 403) {
            return "Not allowed";
        }
        if (status == 404) {
            return "Not found";
        }
        if (status >= 500) {
            return "The service could not answer";
        }
        return "The service refused the request";
    }
}
