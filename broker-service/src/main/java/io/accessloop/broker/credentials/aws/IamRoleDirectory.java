package io.accessloop.broker.credentials.aws;

import io.accessloop.broker.accounts.aws.AccountIamClients;
import io.accessloop.broker.aws.AwsErrors;
import io.accessloop.broker.credentials.domain.RoleDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a role's maximum session from IAM, cached for a minute (it rarely changes and AssumeRole re-checks it). */
@ApplicationScoped
public class IamRoleDirectory implements RoleDirectory {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final AccountIamClients accounts;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    IamRoleDirectory(AccountIamClients accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public long maxSessionSeconds(String roleArn) {
        Instant now = clock.instant();
        Cached hit = cache.get(roleArn);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.seconds();
        }
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        Integer max = AwsErrors.call("iam:GetRole " + name, () -> accounts.forRole(roleArn).getRole(b -> b.roleName(name)).role()
                .maxSessionDuration());
        long seconds = max == null ? 3600 : max;
        cache.put(roleArn, new Cached(seconds, now.plus(TTL)));
        return seconds;
    }

    private record Cached(long seconds, Instant until) {
    }
}
