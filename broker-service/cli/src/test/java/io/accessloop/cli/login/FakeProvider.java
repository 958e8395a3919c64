package io.accessloop.cli.login;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A scripted identity provider: answers polls and refreshes from queues, remembers what it was asked. */
final class FakeProvider implements OidcProvider {

    final Deque<TokenAnswer> polls = new ArrayDeque<>();
    final Deque<TokenAnswer> refreshes = new ArrayDeque<>();
    final List<String> refreshTokensSeen = new ArrayList<>();
    final List<String> revoked = new ArrayList<>();
    int pollCount;
    DeviceAuthorization authorization = new DeviceAuthorization("device-secret", "ABCD-EFGH",
            "https://idp.example.com/device", Optional.of("https://idp.example.com/device?user_code=ABCD-EFGH"),
            Duration.ofMinutes(10), Duration.ofSeconds(5));

    static TokenAnswer pending() {
        return new TokenAnswer.Refused("authorization_pending", "");
    }

    static TokenAnswer error(String code) {
        return new TokenAnswer.Refused(code, "");
    }

    @Override
    public DeviceAuthorization authorizeDevice() {
        return authorization;
    }

    @Override
    public TokenAnswer pollDeviceToken(String deviceCode) {
        pollCount++;
        return polls.isEmpty() ? pending() : polls.poll();
    }

    @Override
    public TokenAnswer refresh(String refreshToken) {
        refreshTokensSeen.add(refreshToken);
        return refreshes.poll();
    }

    @Override
    public boolean revoke(String refreshToken) {
        revoked.add(refreshToken);
        return true;
    }
}
