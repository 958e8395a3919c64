package io.accessloop.broker.accounts;

import io.accessloop.broker.accounts.domain.ManagementRole;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagementRoleTest {

    @Test
    void aRoleInItsOwnAccountWithAnOptionalExternalIdIsAccepted() {
        ManagementRole role = new ManagementRole("111122223333",
                "arn:aws:iam::111122223333:role/accessloop/management", Optional.of("acme-7"));
        assertThat(role.externalId()).contains("acme-7");
        assertThat(new ManagementRole("111122223333", "arn:aws:iam::111122223333:role/m", Optional.empty())
                .externalId()).isEmpty();
    }

    @Test
    void aRoleOfAnotherAccountOrAMalformedSettingIsRefusedByName() {
        assertThatThrownBy(() -> new ManagementRole("111122223333", "arn:aws:iam::444455556666:role/m",
                Optional.empty())).hasMessageContaining("is in account 444455556666, not in 111122223333");
        assertThatThrownBy(() -> new ManagementRole("1111", "arn:aws:iam::111122223333:role/m", Optional.empty()))
                .hasMessageContaining("12-digit");
        assertThatThrownBy(() -> new ManagementRole("111122223333", "arn:aws:iam::111122223333:user/m",
                Optional.empty())).hasMessageContaining("not an IAM role ARN");
        assertThatThrownBy(() -> new ManagementRole("111122223333", "arn:aws:iam::111122223333:role/m",
                Optional.of("x"))).hasMessageContaining("external-id");
    }

    @Test
    void theAccountOfARoleArn() {
        assertThat(ManagementRole.accountOf("arn:aws:iam::111122223333:role/a/b")).contains("111122223333");
        assertThat(ManagementRole.accountOf("arn:aws:iam:::role/a")).isEmpty();
        assertThat(ManagementRole.accountOf("not-an-arn")).isEmpty();
        assertThat(ManagementRole.accountOf(null)).isEmpty();
    }
}
