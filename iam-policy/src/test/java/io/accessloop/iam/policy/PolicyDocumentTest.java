package io.accessloop.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    private static final Statement REVOKE_A = Statement.deny().sid("RevokeGrtA").actions("*").resources("*")
            .condition("StringEquals", "aws:PrincipalTag/accessloop:grant-id", "grt_a").build();
    private static final Statement REVOKE_B = REVOKE_A.toBuilder().sid("RevokeGrtB").build();

    @Test
    void statementsCanBeAddedFoundAndRemovedBySid() {
        PolicyDocument doc = PolicyDocument.of(REVOKE_A).plus(REVOKE_B);

        assertThat(doc.statement("RevokeGrtB")).contains(REVOKE_B);
        assertThat(doc.statement("Nope")).isEmpty();
        assertThat(doc.withoutSids(Set.of("RevokeGrtA")).statements()).containsExactly(REVOKE_B);
        assertThat(doc.statements()).hasSize(2);
    }

    @Test
    void builtDocumentsAreValidIdentityPoliciesAndImmutable() {
        PolicyDocument doc = PolicyDocument.of(REVOKE_A, REVOKE_B);

        assertThat(PolicyParser.parse(doc.toJson(), PolicyKind.IDENTITY)).isEqualTo(doc);
        assertThatThrownBy(() -> doc.statements().add(REVOKE_A)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> REVOKE_A.toBuilder().condition(REVOKE_A.conditions().get(0)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate condition");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(PolicyParser.parse("\uFEFF" + PolicyDocument.of(REVOKE_A).toJson()).statements()).hasSize(1);
    }
}
