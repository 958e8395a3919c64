package io.accessloop.portal.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accessloop.portal.clients.broker.Grant;
import io.accessloop.portal.clients.broker.ProcessCredentials;

import java.util.Locale;

/**
 * Two ways to use a grant's credentials from a terminal: the {@code credential_process} JSON saved to a file that an
 * AWS CLI profile reads (until the keys expire), and one-off environment exports.
 */
public record CredentialSetup(String profileName, String fileName, String processJson, String configSnippet,
                              String exports) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static CredentialSetup of(Grant grant, ProcessCredentials c) {
        String profile = "accessloop-" + grant.entitlement().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String file = "~/.aws/" + profile + ".json";
        String config = "[profile " + profile + "]\n" + "credential_process = cat " + file + "\n";
        String exports = "export AWS_ACCESS_KEY_ID=" + c.accessKeyId() + "\n"
                + "export AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey() + "\n"
                + "export AWS_SESSION_TOKEN=" + c.sessionToken() + "\n";
        return new CredentialSetup(profile, file, json(c), config, exports);
    }

    private static String json(ProcessCredentials c) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credential JSON could not be written", e);
        }
    }
}
