package io.accessloop.broker.credentials.domain;

import java.net.URI;

/** Turns session credentials into a console sign-in URL (federation getSigninToken, then login). */
public interface ConsoleSignIn {

    URI signInUrl(TemporaryCredentials credentials, int sessionDurationSeconds, String destination);
}
