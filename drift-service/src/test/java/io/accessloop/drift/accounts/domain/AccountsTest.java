package io.accessloop.drift.accounts.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest {

    static Account account(String id, String role) {
        return new Account(id, Optional.ofNullable(role), Optional.empty(), "accessloop-drift");
    }

    @Test
    void withoutConfiguredAccountsDriftWatchesTheAccountOfItsOwnCredentials() {
        Accounts accounts = new Accounts(List.of());
        assertThat(accounts.all()).extracting(Account::id).containsExactly(Accounts.DEFAULT);
        assertThat(accounts.choose(null)).map(Account::id).contains(Accounts.DEFAULT);
        assertThat(accounts.reach("123456789012").roleArn()).isEmpty();
    }

    @Test
    void eachConfiguredAccountIsReachedThroughItsOwnRoleAndUnknownDataThroughDriftsCredentials() {
        Accounts accounts = new Accounts(List.of(account("111111111111", "arn:aws:iam::111111111111:role/accessloop-drift"),
                account("222222222222", null)));
        assertThat(accounts.reach("111111111111").roleArn()).contains("arn:aws:iam::111111111111:role/accessloop-drift");
        assertThat(accounts.reach("222222222222").roleArn()).isEmpty();
        assertThat(accounts.reach("333333333333").id()).isEqualTo(Accounts.DEFAULT);
        assertThat(accounts.choose(null)).as("ambiguous with two accounts").isEmpty();
        assertThat(accounts.choose("222222222222")).map(Account::id).contains("222222222222");
        assertThat(accounts.choose("333333333333")).isEmpty();
    }

    @Test
    void malformedAccountsFailTheStart() {
        assertThatThrownBy(() -> account("12", null)).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> account("111111111111", "arn:aws:iam::111111111111:user/x"))
                .hasMessageContaining("role ARN");
        assertThatThrownBy(() -> new Account("111111111111", Optional.empty(), Optional.of("ext"), "drift"))
                .hasMessageContaining("needs a role-arn");
        assertThatThrownBy(() -> new Account("111111111111", Optional.empty(), Optional.empty(), "bad name!"))
                .hasMessageContaining("session-name");
        assertThatThrownBy(() -> new Accounts(List.of(account("111111111111", null), account("111111111111", null))))
                .hasMessageContaining("twice");
    }
}
