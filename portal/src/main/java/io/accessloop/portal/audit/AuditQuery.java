package io.accessloop.portal.audit;

import jakarta.ws.rs.QueryParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The ledger search form's fields, as query parameters. */
public class AuditQuery {

    @QueryParam("identity")
    String identity;
    @QueryParam("grantId")
    String grantId;
    @QueryParam("principalArn")
    String principalArn;
    @QueryParam("kind")
    String kind;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;

    /** The non-blank fields URL-encoded, for the export and paging links. */
    String asQueryString() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("identity", identity);
        fields.put("grantId", grantId);
        fields.put("principalArn", principalArn);
        fields.put("kind", kind);
        fields.put("from", from);
        fields.put("to", to);
        return fields.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
