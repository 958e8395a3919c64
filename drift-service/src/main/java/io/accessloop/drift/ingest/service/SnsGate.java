package io.accessloop.drift.ingest.service;

import io.accessloop.drift.ingest.config.IngestSettings;
import io.accessloop.drift.ingest.domain.HostAllowList;
import io.accessloop.drift.ingest.domain.MalformedNotificationException;
import io.accessloop.drift.ingest.domain.SnsMessage;
import io.accessloop.kit.problem.Problem;
import io.accessloop.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;

/**
 * Authenticates SNS deliveries: the signing certificate must come over https from an allow-listed host, be valid
 * now, and verify the message's signature over SNS's canonical string (SignatureVersion 1: SHA1withRSA, 2:
 * SHA256withRSA). Confirms subscriptions by fetching SubscribeURL, only from an allow-listed host.
 */
@ApplicationScoped
public class SnsGate {

    private final IngestSettings.Sns settings;
    private final SnsEndpoints endpoints;
    private final HostAllowList certificateHosts;
    private final HostAllowList subscribeHosts;
    private final Clock clock;

    SnsGate(IngestSettings settings, SnsEndpoints endpoints, Clock clock) {
        this.settings = settings.sns();
        this.endpoints = endpoints;
        this.clock = clock;
        this.certificateHosts = new HostAllowList(this.settings.certificateHosts());
        this.subscribeHosts = new HostAllowList(this.settings.subscribeHosts());
    }

    /** Completes when the message is authentic (or verification is switched off); fails with a 403 problem if not. */
    public Uni<Void> verify(SnsMessage message) {
        if (!settings.verifySignatures()) {
            return Uni.createFrom().voidItem();
        }
        if (!message.signed()) {
            return Uni.createFrom().failure(refused("sns-unsigned",
                    "SNS messages must carry Signature, SignatureVersion and SigningCertURL"));
        }
        String algorithm;
        try {
            algorithm = message.algorithm();
        } catch (MalformedNotificationException e) {
            return Uni.createFrom().failure(ProblemException.badRequest("malformed-notification", e.getMessage()));
        }
        if (!certificateHosts.allows(message.signingCertUrl())) {
            return Uni.createFrom().failure(refused("sns-certificate-refused", "SigningCertURL must be an https URL "
                    + "on an allowed host, not " + message.signingCertUrl().getScheme() + "://"
                    + message.signingCertUrl().getHost()));
        }
        return endpoints.certificate(message.signingCertUrl())
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> refused("sns-certificate-refused",
                        "the signing certificate could not be fetched: " + e.getMessage()))
                .invoke(certificate -> check(certificate, algorithm, message))
                .replaceWithVoid();
    }

    /** Fetches the SubscribeURL of an (authentic) subscription confirmation; the answer's status for the pusher. */
    public Uni<String> confirm(SnsMessage message) {
        if (!subscribeHosts.allows(message.subscribeUrl())) {
            return Uni.createFrom().failure(refused("sns-subscribe-url-refused", "SubscribeURL must be an https URL "
                    + "on an allowed host, not " + message.subscribeUrl().getScheme() + "://"
                    + message.subscribeUrl().getHost()));
        }
        return endpoints.confirm(message.subscribeUrl())
                .onFailure().transform(e -> new ProblemException(Problem.of(502, "sns-confirmation-failed",
                        "Subscription not confirmed", "SNS could not be reached: " + e.getMessage())))
                .map(status -> {
                    if (status / 100 != 2) {
                        throw new ProblemException(Problem.of(502, "sns-confirmation-failed",
                                "Subscription not confirmed", "SNS answered " + status + " to the SubscribeURL"));
                    }
                    return "subscription-confirmed";
                });
    }

    private void check(X509Certificate certificate, String algorithm, SnsMessage message) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw refused("sns-certificate-refused", "the signing certificate is not valid now");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.stringToSign().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(message.signature())) {
                throw refused("sns-signature-invalid", "the SNS signature does not match the message");
            }
        } catch (GeneralSecurityException e) {
            throw refused("sns-signature-invalid", "the SNS signature cannot be verified: " + e.getMessage());
        }
    }

    private static ProblemException refused(String slug, String detail) {
        return new ProblemException(Problem.of(403, slug, "SNS message refused", detail));
    }
}
