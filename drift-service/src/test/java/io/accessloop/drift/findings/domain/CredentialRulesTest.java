package io.accessloop.drift.findings.domain;

import io.accessloop.drift.findings.domain.credentials.ConsoleWithoutMfaRule;
import io.accessloop.drift.findings.domain.credentials.HumanAccessKeyRule;
import io.accessloop.drift.findings.domain.credentials.OldAccessKeyRule;
import io.accessloop.drift.findings.domain.credentials.UnusedCredentialsRule;
import io.accessloop.drift.inventory.domain.CredentialReportParser;
import io.accessloop.drift.inventory.domain.MalformedItemException;
import io.accessloop.drift.inventory.domain.UserCredentials;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    static final String REPORT = """
            user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
            <root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-12-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
            alice,arn:aws:iam::123456789012:user/humans/alice,2025-01-01T00:00:00+00:00,true,2026-12-03T10:00:00+00:00,2025-01-01T00:00:00+00:00,N/A,false,true,2025-10-01T00:00:00+00:00,2026-12-03T09:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
            batch,arn:aws:iam::123456789012:user/batch,2025-01-01T00:00:00+00:00,false,not_supported,N/A,N/A,false,true,2026-10-01T00:00:00+00:00,2026-07-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
            """;

    private static UserCredentials user(String name) {
        return CredentialReportParser.parse(REPORT).stream().filter(u -> u.user().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theReportIsReadWithoutTheRootAccount() {
        List<UserCredentials> users = CredentialReportParser.parse(REPORT);
        assertThat(users).extracting(UserCredentials::user).containsExactly("alice", "batch");
        UserCredentials alice = users.get(0);
        assertThat(alice.passwordEnabled()).isTrue();
        assertThat(alice.mfaActive()).isFalse();
        assertThat(alice.accountId()).isEqualTo("123456789012");
        assertThat(alice.activeKeys()).singleElement().satisfies(k -> {
            assertThat(k.lastRotated()).isEqualTo(Instant.parse("2025-10-01T00:00:00Z"));
            assertThat(k.lastUsed()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        });
        assertThatThrownBy(() -> CredentialReportParser.parse("name,value\nx,y")).isInstanceOf(MalformedItemException.class);
    }

    @Test
    void humansWithKeysOldKeysUnusedCredentialsAndConsoleWithoutMfaAreFound() {
        assertThat(new HumanAccessKeyRule(List.of()).evaluate(user("alice"), NOW)).extracting(Violation::key)
                .containsExactly("key:1");
        assertThat(new HumanAccessKeyRule(List.of()).evaluate(user("batch"), NOW)).isEmpty();
        assertThat(new HumanAccessKeyRule(List.of("arn:aws:iam::*:user/batch")).evaluate(user("batch"), NOW)).hasSize(1);
        assertThat(new OldAccessKeyRule(90).evaluate(user("alice"), NOW)).extracting(Violation::key).containsExactly("key:1");
        assertThat(new OldAccessKeyRule(90).evaluate(user("batch"), NOW)).isEmpty();
        assertThat(new UnusedCredentialsRule(90).evaluate(user("batch"), NOW)).extracting(Violation::key)
                .containsExactly("key:1", "user");
        assertThat(new UnusedCredentialsRule(90).evaluate(user("alice"), NOW)).isEmpty();
        assertThat(new ConsoleWithoutMfaRule().evaluate(user("alice"), NOW)).extracting(Violation::key).containsExactly("mfa");
        assertThat(new ConsoleWithoutMfaRule().evaluate(user("batch"), NOW)).isEmpty();
    }
}
