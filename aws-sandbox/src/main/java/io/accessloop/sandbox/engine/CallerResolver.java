package io.accessloop.sandbox.engine;

import io.accessloop.sandbox.auth.AuthFailure;
import io.accessloop.sandbox.auth.AuthenticationException;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.auth.KeyMaterial;
import io.accessloop.sandbox.auth.SigV4Verifier;
import io.accessloop.sandbox.auth.SignedRequest;
import io.accessloop.sandbox.iam.AccessKey;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.iam.User;
import io.accessloop.sandbox.protocol.HttpCall;
import io.accessloop.sandbox.sts.Session;
import io.accessloop.sandbox.sts.SessionStore;

import java.time.Instant;

/** Finds the key of a request (bootstrap, IAM user key or STS session), verifies SigV4 and names the caller. */
final class CallerResolver {

    /** A verified request: who signed it and with which scope. */
    record Authenticated(Caller caller, SignedRequest scope, AccessKey userKey) {
    }

    private final SandboxSettings settings;
    private final IamStore iam;
    private final SessionStore sessions;
    private final SigV4Verifier verifier;
    private final KeyMaterial bootstrap;

    CallerResolver(SandboxSettings settings, IamStore iam, SessionStore sessions) {
        this.settings = settings;
        this.iam = iam;
        this.sessions = sessions;
        this.bootstrap = new KeyMaterial(settings.bootstrapAccessKeyId(), settings.bootstrapSecretAccessKey(), null,
                null, true);
        this.verifier = new SigV4Verifier(this::keyMaterial);
    }

    KeyMaterial keyMaterial(String accessKeyId) {
        if (accessKeyId.equals(bootstrap.accessKeyId())) {
            return bootstrap;
        }
        AccessKey key = iam.accessKey(accessKeyId);
        if (key != null) {
            return new KeyMaterial(key.id(), key.secret(), null, null, key.active());
        }
        Session session = sessions.find(accessKeyId);
        return session == null ? null : session.key();
    }

    Authenticated authenticate(HttpCall call, Instant now) {
        try {
            return authenticateOrThrow(call, now);
        } catch (AuthenticationException e) {
            if (e.failure() == AuthFailure.EXPIRED_TOKEN && e.caller() == null) {
                Session session = sessions.find(verifier.scopeOf(call).accessKeyId());
                throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN, session == null ? null : session.caller());
            }
            throw e;
        }
    }

    private Authenticated authenticateOrThrow(HttpCall call, Instant now) {
        SignedRequest scope;
        if (settings.verifySignatures()) {
            scope = verifier.verify(call, now);
        } else {
            scope = verifier.scopeOf(call);
            KeyMaterial key = keyMaterial(scope.accessKeyId());
            if (key == null || !key.active()) {
                throw new AuthenticationException(AuthFailure.INVALID_CLIENT_TOKEN_ID);
            }
            if (key.temporary() && !now.isBefore(key.expiration())) {
                throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN);
            }
        }
        return resolve(scope.accessKeyId(), scope);
    }

    /** The caller behind a key without a signature (the control API's simulate). */
    Authenticated resolve(String accessKeyId, SignedRequest scope) {
        if (accessKeyId.equals(bootstrap.accessKeyId())) {
            return new Authenticated(Caller.root(settings.accountId(), accessKeyId), scope, null);
        }
        AccessKey key = iam.accessKey(accessKeyId);
        if (key != null) {
            User user = iam.read(() -> iam.findUser(key.userName()));
            if (user == null) {
                throw new AuthenticationException(AuthFailure.INVALID_CLIENT_TOKEN_ID);
            }
            return new Authenticated(Caller.user(settings.accountId(), user.arn(), user.id(), user.name(),
                    accessKeyId), scope, key);
        }
        Session session = sessions.find(accessKeyId);
        if (session == null) {
            throw new AuthenticationException(AuthFailure.INVALID_CLIENT_TOKEN_ID);
        }
        return new Authenticated(session.caller(), scope, null);
    }

    SignedRequest scopeOf(HttpCall call) {
        return verifier.scopeOf(call);
    }

    KeyMaterial bootstrap() {
        return bootstrap;
    }
}
