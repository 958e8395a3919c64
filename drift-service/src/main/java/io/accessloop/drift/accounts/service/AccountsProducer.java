package io.accessloop.drift.accounts.service;

import io.accessloop.drift.accounts.config.AccountsSettings;
import io.accessloop.drift.accounts.domain.Account;
import io.accessloop.drift.accounts.domain.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/** The watched accounts from settings; a malformed entry fails the start. */
@ApplicationScoped
public class AccountsProducer {

    @Produces
    @ApplicationScoped
    Accounts accounts(AccountsSettings settings) {
        return new Accounts(settings.accounts().orElse(List.of()).stream()
                .map(a -> new Account(a.id(), a.roleArn(), a.externalId(), a.sessionName())).toList());
    }
}
