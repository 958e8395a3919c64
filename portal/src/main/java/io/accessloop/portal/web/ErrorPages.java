package io.accessloop.portal.web;

import io.accessloop.portal.clients.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every failure becomes a friendly page (or, for an htmx request, a panel) with a title and a sentence, never a stack
 * trace. Problems from a service keep the service's status, {@code title} and {@code detail}.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, List<String> errors);

        static native TemplateInstance error$panel(int status, String title, String detail, List<String> errors);
    }

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblem problem, HttpHeaders headers) {
        int status = problem.status() == 401 ? 502 : problem.status();
        String title = problem.status() == 401 ? "A service did not accept your sign-in" : problem.title();
        return page(headers, status, title, problem.detail(), problem.errors());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return page(headers, 403, "Not allowed", "Your roles do not open this page or action.", List.of());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, HttpHeaders headers) {
        LOG.warnf("A service could not be reached: %s", e.getMessage());
        return page(headers, 503, "A service is not answering",
                "Please try again in a moment. If this keeps happening, tell the platform team.", List.of());
    }

    @ServerExceptionMapper
    public Response badInput(BadInput e, HttpHeaders headers) {
        return page(headers, 400, "Please check what you entered", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return page(headers, 404, "Not found", "There is nothing at this address.", List.of());
        }
        return page(headers, status, "The request could not be handled", null, List.of());
    }

    private static Response page(HttpHeaders headers, int status, String title, String detail, List<String> errors) {
        boolean htmx = headers.getHeaderString("HX-Request") != null;
        TemplateInstance view = htmx ? Templates.error$panel(status, title, detail, errors)
                : Templates.error(status, title, detail, errors);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(view.render())
                .build();
    }
}
