package io.accessloop.iam.analysis;

import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.catalog.ActionInfo;
import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Flags statements that grant admin or service-wide access, and the permissions-management actions granted. */
public final class BroadAccess {

    private BroadAccess() {
    }

    public static Breadth classify(Statement s) {
        if (!s.isAllow() || !onAllResources(s)) {
            return Breadth.SCOPED;
        }
        if (s.actions().stream().anyMatch(BroadAccess::isEverything)) {
            return Breadth.ADMIN;
        }
        if (!s.notActions().isEmpty()) {
            return Breadth.ALL_BUT_SOME;
        }
        return serviceWide(s).isEmpty() ? Breadth.SCOPED : Breadth.SERVICE_WIDE;
    }

    public static boolean isAdmin(Statement s) {
        return classify(s) == Breadth.ADMIN;
    }

    /** Services whose every action the statement allows on every resource ({@code s3:*} or {@code S3:*}). */
    public static Set<String> serviceWide(Statement s) {
        Set<String> services = new TreeSet<>();
        if (!s.isAllow() || !onAllResources(s)) {
            return services;
        }
        for (String action : s.actions()) {
            int colon = action.indexOf(':');
            if (colon > 0 && action.substring(colon + 1).equals("*") && !Wildcards.hasWildcard(action.substring(0, colon))) {
                services.add(action.substring(0, colon).toLowerCase(Locale.ROOT));
            }
        }
        return services;
    }

    /** Every Allow statement of the policy broader than {@link Breadth#SCOPED}. */
    public static List<BroadStatement> find(PolicyDocument policy) {
        List<BroadStatement> found = new ArrayList<>();
        for (int i = 0; i < policy.statements().size(); i++) {
            Statement s = policy.statements().get(i);
            Breadth breadth = classify(s);
            if (breadth != Breadth.SCOPED) {
                found.add(new BroadStatement(i, s.sid(), breadth, serviceWide(s), !s.conditions().isEmpty()));
            }
        }
        return found;
    }

    /**
     * The catalog's permissions-management actions ({@code iam:PutRolePolicy}, {@code s3:PutBucketPolicy}, ...) the
     * statement allows on some resource, ignoring conditions.
     */
    public static Set<String> permissionsManagementActions(Statement s) {
        Set<String> found = new TreeSet<>();
        if (!s.isAllow()) {
            return found;
        }
        if (!s.actions().isEmpty()) {
            for (String pattern : s.actions()) {
                ActionCatalog.expand(pattern).stream()
                        .filter(a -> ActionCatalog.lookup(a).map(ActionInfo::isPermissionsManagement).orElse(false))
                        .forEach(found::add);
            }
            return found;
        }
        ActionCatalog.expand("*").stream()
                .filter(a -> s.notActions().stream().noneMatch(n -> Wildcards.matchesAction(n, a)))
                .filter(a -> ActionCatalog.lookup(a).map(ActionInfo::isPermissionsManagement).orElse(false))
                .forEach(found::add);
        return found;
    }

    private static boolean isEverything(String action) {
        return action.equals("*") || action.equals("*:*");
    }

    private static boolean onAllResources(Statement s) {
        return s.resources().contains("*") || s.resources().isEmpty() && s.notResources().isEmpty();
    }
}
