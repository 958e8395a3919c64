package io.accessloop.cli.login;

/** What a token endpoint answered: tokens, or an OAuth error code with its description. */
public sealed interface TokenAnswer {

    record Issued(TokenSet tokens) implements TokenAnswer {
    }

    record Refused(String error, String description) implements TokenAnswer {
    }
}
