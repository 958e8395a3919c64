package io.accessloop.cli.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;

import java.net.http.HttpResponse;

/** A refusal of the broker (problem+json), turned into a message and an exit code. */
final class BrokerProblem {

    private BrokerProblem() {
    }

    static CliException of(HttpResponse<String> response) {
        int status = response.statusCode();
        String title = "HTTP " + status;
        String detail = "";
        try {
            JsonNode body = new ObjectMapper().readTree(response.body());
            if (body != null && body.isObject()) {
                title = body.path("title").asText(title);
                detail = body.path("detail").asText("");
            }
        } catch (Exception notJson) {
            // the status line says enough
        }
        ExitCode code = status == 401 ? ExitCode.NOT_LOGGED_IN
                : status >= 500 ? ExitCode.UNAVAILABLE
                : ExitCode.REFUSED;
        String message = status == 401 ? "the broker does not accept your sign-in: run 'accessloop login'"
                : "the broker refused (" + status + " " + title + ")" + (detail.isEmpty() ? "" : ": " + detail);
        return new CliException(code, message);
    }
}
