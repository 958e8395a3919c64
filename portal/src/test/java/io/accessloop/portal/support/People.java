package io.accessloop.portal.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Test people who sign in through the test OIDC provider's login form. Each gets a login stub that hands out a
 * code of their own and a token stub that trades that code for tokens carrying their e-mail and groups, so one
 * provider serves an employee, an approver, a security engineer and an auditor side by side.
 */
public enum People {

    EMPLOYEE("erin@example.com", "employee", "payments"),
    APPROVER("adam@example.com", "employee", "approver", "db-owners"),
    SECURITY("sara@example.com", "employee", "security"),
    AUDITOR("otto@example.com", "employee", "auditor"),
    ADMIN("frank@example.com", "admin");

    public static final String ISSUER = "https://server.example.com";
    public static final String CLIENT_ID = "quarkus-web-app";

    private final String email;
    private final Set<String> groups;

    People(String email, String... groups) {
        this.email = email;
        this.groups = Set.of(groups);
    }

    public String email() {
        return email;
    }

    public String code() {
        return "code-" + name().toLowerCase();
    }

    /** The access token the portal receives for this person (and must forward to the services). */
    public String accessToken() {
        return Jwt.claims().issuer(ISSUER).audience("https://service.example.com").subject(email)
                .preferredUserName(email).claim("email", email).groups(groups)
                .expiresAt(Instant.now().plusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk");
    }

    private String idToken() {
        return Jwt.claims().issuer(ISSUER).audience(CLIENT_ID).subject(email).preferredUserName(email)
                .claim("email", email).expiresAt(Instant.now().plusSeconds(3600)).jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** Adds this person's login and token stubs to the OIDC provider (priority 1 beats its defaults). */
    public void register(WireMockServer oidc) {
        oidc.stubFor(get(urlPathEqualTo("/login")).atPriority(1)
                .withQueryParam("username", equalTo(email))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code="
                                + code())
                        .withTransformers("response-template")));
        oidc.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).atPriority(1)
                .withRequestBody(containing("code=" + code()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken() + "\",\"id_token\":\"" + idToken()
                                + "\",\"refresh_token\":\"refresh-" + code()
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    public static void registerAll(WireMockServer oidc) {
        for (People person : values()) {
            person.register(oidc);
        }
    }
}
