package io.accessloop.drift.accounts.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts drift watches, in configured order; without any configured, the one its credentials belong to. */
public final class Accounts {

    /** Key of the implicit account: the one drift's own credentials belong to. */
    public static final String DEFAULT = "default";

    private final Map<String, Account> byId = new LinkedHashMap<>();

    public Accounts(List<Account> configured) {
        for (Account account : configured) {
            if (byId.put(account.id(), account) != null) {
                throw new IllegalArgumentException("account " + account.id() + " is configured twice");
            }
        }
        if (byId.isEmpty()) {
            byId.put(DEFAULT, Account.of(DEFAULT));
        }
    }

    public List<Account> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Account> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The account to reach for data of {@code accountId}: its configured entry, else drift's own credentials. */
    public Account reach(String accountId) {
        return byId.getOrDefault(accountId, Account.of(DEFAULT));
    }

    /** The account a request names, or the only one when it names none; empty when that is ambiguous or unknown. */
    public Optional<Account> choose(String requested) {
        if (requested == null || requested.isBlank()) {
            return byId.size() == 1 ? Optional.of(byId.values().iterator().next()) : Optional.empty();
        }
        return find(requested);
    }
}
