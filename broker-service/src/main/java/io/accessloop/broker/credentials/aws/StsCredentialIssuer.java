package io.accessloop.broker.credentials.aws;

import io.accessloop.broker.aws.AwsErrors;
import io.accessloop.broker.credentials.domain.AssumeRoleSpec;
import io.accessloop.broker.credentials.domain.CredentialIssuer;
import io.accessloop.broker.credentials.domain.TemporaryCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * sts:AssumeRole for a grant. SourceIdentity and the session tags end up in every CloudTrail event of the session,
 * so an audit can tie each call back to the person, the grant and the request.
 */
@ApplicationScoped
public class StsCredentialIssuer implements CredentialIssuer {

    private final StsClient sts;

    StsCredentialIssuer(StsClient sts) {
        this.sts = sts;
    }

    @Override
    public TemporaryCredentials assumeRole(AssumeRoleSpec spec) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(spec.roleArn())
                .roleSessionName(spec.sessionName())
                .sourceIdentity(spec.sourceIdentity())
                .durationSeconds(spec.durationSeconds())
                .tags(spec.sessionTags().entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList());
        spec.sessionPolicy().ifPresent(request::policy);
        spec.externalId().ifPresent(request::externalId);
        Credentials c = AwsErrors.call("sts:AssumeRole on " + spec.roleArn(),
                () -> sts.assumeRole(request.build()).credentials());
        return new TemporaryCredentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration());
    }
}
