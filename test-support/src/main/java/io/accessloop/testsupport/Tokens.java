package io.accessloop.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/**
 * Bearer tokens from the test OIDC provider ({@code OidcWiremockTestResource}), signed with its key and carrying the
 * claims Accessloop reads: {@code email} and {@code groups}.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String email, String... groups) {
        return Jwt.claims()
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .subject(email)
                .preferredUserName(email)
                .claim("email", email)
                .groups(Set.of(groups))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    public static String bearer(String email, String... groups) {
        return "Bearer " + of(email, groups);
    }
}
