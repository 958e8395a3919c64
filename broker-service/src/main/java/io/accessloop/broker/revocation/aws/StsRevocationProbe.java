package io.accessloop.broker.revocation.aws;

import io.accessloop.broker.aws.AwsErrors;
import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.broker.credentials.domain.AssumeRoleSpec;
import io.accessloop.broker.revocation.domain.RevocationProbe;
import io.accessloop.kit.aws.AwsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

import java.util.List;

/**
 * Probe sessions: assumed by the broker with the revoked grant's tag (and the person's source identity), then used
 * for {@code iam:GetRole} on the role itself. Only an AccessDenied that names an explicit deny counts as proof;
 * a call that succeeds, or is refused for another reason, does not.
 */
@ApplicationScoped
public class StsRevocationProbe implements RevocationProbe {

    private static final String PROBE_SESSION = "accessloop-revocation-probe";

    private final StsClient sts;
    private final AwsSettings settings;
    private final CatalogStore catalog;

    StsRevocationProbe(StsClient sts, AwsSettings settings, CatalogStore catalog) {
        this.sts = sts;
        this.settings = settings;
        this.catalog = catalog;
    }

    @Override
    public ProbeSession open(String roleArn, String grantId, String sourceIdentity) {
        String externalId = catalog.current().entitlements().stream()
                .filter(e -> e.roleArn().equals(roleArn))
                .map(Entitlement::externalId).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null);
        Credentials c = AwsErrors.call("sts:AssumeRole (probe) on " + roleArn, () -> sts.assumeRole(b -> b
                .roleArn(roleArn)
                .externalId(externalId)
                .roleSessionName(PROBE_SESSION)
                .sourceIdentity(sourceIdentity)
                .durationSeconds(900)
                .tags(List.of(Tag.builder().key(AssumeRoleSpec.GRANT_TAG).value(grantId).build(),
                        Tag.builder().key(AssumeRoleSpec.REQUEST_TAG).value("revocation-probe").build())))
                .credentials());
        return new Session(roleArn, c);
    }

    @Override
    public boolean deniedExplicitly(ProbeSession probe) {
        Session session = (Session) probe;
        String role = session.roleArn().substring(session.roleArn().lastIndexOf('/') + 1);
        try {
            session.iam().getRole(b -> b.roleName(role));
            return false;
        } catch (AwsServiceException e) {
            return AwsErrors.isExplicitDeny(e);
        }
    }

    private IamClient client(Credentials c) {
        var builder = IamClient.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The probe's credentials and the client built with them once (verification may ask several times). */
    private final class Session implements ProbeSession {

        private final String roleArn;
        private final Credentials credentials;
        private IamClient iam;

        Session(String roleArn, Credentials credentials) {
            this.roleArn = roleArn;
            this.credentials = credentials;
        }

        @Override
        public String roleArn() {
            return roleArn;
        }

        synchronized IamClient iam() {
            if (iam == null) {
                iam = client(credentials);
            }
            return iam;
        }

        @Override
        public synchronized void close() {
            if (iam != null) {
                iam.close();
                iam = null;
            }
        }

        @Override
        public String toString() {
            return "ProbeSession[" + roleArn + "]";
        }
    }
}
