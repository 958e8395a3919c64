package io.accessloop.sandbox.iam;

/** Builds the IAM action registry over one store. */
public final class IamService {

    private final IamStore store;
    private final IamRegistry registry;
    private final AccountActions account;

    public IamService(IamStore store) {
        this.store = store;
        this.registry = new IamRegistry(store);
        new RoleActions(store, registry).register();
        new UserActions(store, registry).register();
        new GroupActions(store, registry).register();
        new PolicyActions(store, registry).register();
        this.account = new AccountActions(store, registry);
        account.register();
    }

    public IamStore store() {
        return store;
    }

    public IamRegistry registry() {
        return registry;
    }

    public void reset() {
        store.clear();
        account.reset();
    }
}
