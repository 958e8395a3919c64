package io.accessloop.broker.credentials.domain;

/** Issues short-lived role credentials (sts:AssumeRole). */
public interface CredentialIssuer {

    TemporaryCredentials assumeRole(AssumeRoleSpec spec);
}
