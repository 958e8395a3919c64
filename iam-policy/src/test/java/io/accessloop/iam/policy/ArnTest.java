package io.accessloop.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void parsesAllSixPartsAndKeepsColonsInTheResource() {
        Arn arn = Arn.parse("arn:aws:logs:eu-west-1:111122223333:log-group:/app/api:*");

        assertThat(arn.partition()).isEqualTo("aws");
        assertThat(arn.service()).isEqualTo("logs");
        assertThat(arn.region()).isEqualTo("eu-west-1");
        assertThat(arn.account()).isEqualTo("111122223333");
        assertThat(arn.resource()).isEqualTo("log-group:/app/api:*");
        assertThat(arn.resourceType()).isEqualTo("log-group");
        assertThat(arn.toString()).isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:/app/api:*");
    }

    @Test
    void splitsRolePaths() {
        Arn role = Arn.parse("arn:aws:iam::111122223333:role/service/deployer");

        assertThat(role.region()).isEmpty();
        assertThat(role.resourceType()).isEqualTo("role");
        assertThat(role.resourceId()).isEqualTo("service/deployer");
        assertThat(role.resourceName()).isEqualTo("deployer");
    }

    @Test
    void refusesWrongShapes() {
        assertThatThrownBy(() -> Arn.parse("aws:s3:::b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Arn.parse("arn:aws:s3::b")).hasMessageContaining("arn:partition:service");
        assertThatThrownBy(() -> Arn.parse("arn::s3:::b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arn.isValid("arn:aws:s3:::bucket")).isTrue();
        assertThat(Arn.tryParse(null)).isEmpty();
    }
}
