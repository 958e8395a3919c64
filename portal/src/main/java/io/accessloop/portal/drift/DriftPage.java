package io.accessloop.portal.drift;

import io.accessloop.portal.clients.Page;
import io.accessloop.portal.clients.drift.DriftClient;
import io.accessloop.portal.clients.drift.Finding;
import io.accessloop.portal.clients.drift.FindingFilter;
import io.accessloop.portal.web.BadInput;
import io.accessloop.portal.web.IdempotencyKeys;
import io.accessloop.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Drift findings for security engineers, auditors and admins: filter, sort, read the evidence, suppress. */
@Path("/drift")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.SECURITY, Roles.AUDITOR, Roles.ADMIN})
public class DriftPage {

    static final List<String> STATUSES = List.of("OPEN", "SUPPRESSED", "RESOLVED");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final List<String> SORTS = List.of("-severity", "severity", "-openedAt", "openedAt", "-lastSeenAt",
            "lastSeenAt");
    static final int MAX_SUPPRESS_DAYS = 90;
    private static final Pattern FINDING_ID = Pattern.compile("fnd_[A-Za-z0-9_-]{1,80}");
    private static final Pattern TEXT = Pattern.compile("[\\w:./*@+=,-]{0,200}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance findings(Page<Finding> page, FindingFilter filter, String nextLink,
                                                List<String> statuses, List<String> severities, List<String> sorts);

        static native TemplateInstance detail(Finding finding, int maxDays, String idempotencyKey);
    }

    private final DriftClient drift;
    private final Clock clock;

    DriftPage(DriftClient drift) {
        this.drift = drift;
        this.clock = Clock.systemUTC();
    }

    @GET
    public TemplateInstance findings(@QueryParam("status") String status, @QueryParam("severity") String severity,
                                     @QueryParam("rule") String rule, @QueryParam("principalArn") String principal,
                                     @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        FindingFilter filter = new FindingFilter(oneOf(status == null ? "OPEN" : status, STATUSES, "status"),
                oneOf(severity, SEVERITIES, "severity"), text(rule, "rule"), text(principal, "principal"),
                oneOf(sort == null ? "-severity" : sort, SORTS, "sort"), text(cursor, "cursor"));
        Page<Finding> page = drift.findings(filter);
        return Templates.findings(page, filter, nextLink(filter, page.nextCursor()), STATUSES, SEVERITIES, SORTS);
    }

    /** The link to the next page with the same filters, every value URL-encoded. */
    static String nextLink(FindingFilter f, String cursor) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", f.status());
        query.put("severity", f.severity());
        query.put("rule", f.rule());
        query.put("principalArn", f.principalArn());
        query.put("sort", f.sort());
        query.put("cursor", cursor);
        return "/drift?" + query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        return Templates.detail(drift.finding(checkId(id)), MAX_SUPPRESS_DAYS, IdempotencyKeys.fresh());
    }

    @POST
    @Path("/{id}/suppress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    public Response suppress(@PathParam("id") String id, @FormParam("reason") String reason,
                             @FormParam("days") String days, @FormParam("idempotencyKey") String key) {
        String findingId = checkId(id);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BadInput("Give a reason for the suppression (at most 1000 characters).");
        }
        Instant until = clock.instant().plus(Duration.ofDays(days(days)));
        drift.suppress(findingId, IdempotencyKeys.orFresh(key), reason.trim(), until);
        return Response.seeOther(URI.create("/drift/" + findingId)).build();
    }

    private static long days(String days) {
        try {
            long value = Long.parseLong(days == null ? "" : days.trim());
            if (value >= 1 && value <= MAX_SUPPRESS_DAYS) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // explained below
        }
        throw new BadInput("Suppress for 1 to " + MAX_SUPPRESS_DAYS + " days.");
    }

    private static String checkId(String id) {
        if (id == null || !FINDING_ID.matcher(id).matches()) {
            throw new BadInput("That is not a finding id.");
        }
        return id;
    }

    private static String oneOf(String value, List<String> allowed, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Set.copyOf(allowed).contains(value)) {
            throw new BadInput("Unknown " + name + ": choose one of " + String.join(", ", allowed) + ".");
        }
        return value;
    }

    private static String text(String value, String name) {
        if (value != null && !TEXT.matcher(value).matches()) {
            throw new BadInput("The " + name + " filter has characters it cannot contain.");
        }
        return value;
    }
}
