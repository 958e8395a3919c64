package io.accessloop.drift.inventory.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceKeyTest {

    @Test
    void aKeyReadsBackWhatItWrote() {
        ResourceKey role = new ResourceKey(ResourceType.ROLE, "payments-admin");
        ResourceKey policy = new ResourceKey(ResourceType.POLICY, "arn:aws:iam::000000000000:policy/ops");

        assertThat(ResourceKey.parse(role.toString())).isEqualTo(role);
        assertThat(ResourceKey.parse(policy.toString())).isEqualTo(policy);
    }

    @Test
    void textThatIsNoKeyIsRefused() {
        for (String bad : new String[] {null, "", "ROLE", ":name", "ROLE:", "ANIMAL:cat"}) {
            assertThatThrownBy(() -> ResourceKey.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
