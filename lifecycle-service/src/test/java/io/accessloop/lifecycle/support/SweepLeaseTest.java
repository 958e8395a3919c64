package io.accessloop.lifecycle.support;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lease the inactive-user, orphan and retire-at sweeps run under: one holder at a time, always given back. */
@QuarkusTest
class SweepLeaseTest {

    @Inject
    SweepLease lease;

    @Test
    void aLeaseHeldByAnotherReplicaRunsNothingAndStaysItsHolders() {
        String name = name();
        Db.update("insert into sweep_lease (name, holder, until) values (?, 'other-replica', now() + interval '1 hour')",
                name);
        AtomicReference<Boolean> ran = new AtomicReference<>(false);

        assertThat(lease.runAlone(name, Duration.ofMinutes(5), () -> ran.getAndSet(true))).isEmpty();

        assertThat(ran.get()).isFalse();
        assertThat(row(name)).containsEntry("holder", "other-replica").containsEntry("held", true);
    }

    @Test
    void aFreeLeaseIsHeldWhileTheWorkRunsAndGivenBackAfterwards() {
        String name = name();
        AtomicReference<Map<String, Object>> during = new AtomicReference<>();

        assertThat(lease.runAlone(name, Duration.ofMinutes(5), () -> {
            during.set(row(name));
            return 42;
        })).contains(42);

        assertThat(during.get()).containsEntry("held", true);
        assertThat(row(name)).containsEntry("held", false);
        assertThat(lease.runAlone(name, Duration.ofMinutes(5), () -> "again")).contains("again");
    }

    @Test
    void aFailedRunGivesTheLeaseBackAndADeadHoldersLeaseRunsOut() {
        String name = name();
        assertThatThrownBy(() -> lease.runAlone(name, Duration.ofMinutes(5), () -> {
            throw new IllegalStateException("IAM is down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("IAM is down");
        assertThat(row(name)).containsEntry("held", false);

        String expired = name();
        Db.update("insert into sweep_lease (name, holder, until) values (?, 'dead-replica', now() - interval '1 second')",
                expired);
        assertThat(lease.runAlone(expired, Duration.ofMinutes(5), () -> "taken over")).contains("taken over");
    }

    private static Map<String, Object> row(String name) {
        return Db.query("select holder, until > now() as held from sweep_lease where name = ?", name).get(0);
    }

    private static String name() {
        return "test-" + UUID.randomUUID();
    }
}
