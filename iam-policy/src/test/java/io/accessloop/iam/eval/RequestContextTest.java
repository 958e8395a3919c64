package io.accessloop.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    @Test
    void keysAreCaseInsensitive() {
        RequestContext ctx = RequestContext.builder().put("aws:SourceIdentity", "a@b.c").build();

        assertThat(ctx.values("AWS:sourceidentity")).containsExactly("a@b.c");
        assertThat(ctx.single("aws:sourceIdentity")).isEqualTo("a@b.c");
        assertThat(ctx.has("aws:SourceIp")).isFalse();
        assertThat(ctx.values("aws:SourceIp")).isEmpty();
    }

    @Test
    void tagHelpersSetOneKeyPerTagAndRequestTagKeys() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "red");
        tags.put("accessloop:grant-id", "grt_1");

        RequestContext ctx = RequestContext.builder()
                .putTags("aws:PrincipalTag/", tags)
                .putRequestTags(Map.of("env", "prod"))
                .build();

        assertThat(ctx.single("aws:PrincipalTag/team")).isEqualTo("red");
        assertThat(ctx.single("aws:principaltag/accessloop:grant-id")).isEqualTo("grt_1");
        assertThat(ctx.single("aws:RequestTag/env")).isEqualTo("prod");
        assertThat(ctx.values("aws:TagKeys")).containsExactly("env");
    }

    @Test
    void anEmptyValueListRemovesTheKeyAndBlankKeysAreRefused() {
        RequestContext.Builder b = RequestContext.builder().put("aws:TagKeys", "a");
        b.put("aws:TagKeys", List.of());

        assertThat(b.build().has("aws:TagKeys")).isFalse();
        assertThatThrownBy(() -> RequestContext.builder().put(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestContext.builder().build()).isSameAs(RequestContext.empty());
    }

    @Test
    void currentTimeSetsBothTimeKeys() {
        RequestContext ctx = RequestContext.builder().currentTime(java.time.Instant.parse("2026-03-01T10:00:00Z")).build();

        assertThat(ctx.single("aws:CurrentTime")).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(ctx.single("aws:EpochTime")).isEqualTo("1772359200");
    }

    @Test
    void singleIsNullForMultiValuedKeys() {
        RequestContext ctx = RequestContext.builder().put("aws:TagKeys", "a", "b").build();

        assertThat(ctx.single("aws:TagKeys")).isNull();
        assertThat(ctx.toBuilder().put("aws:username", "x").build().keys()).contains("aws:tagkeys", "aws:username");
    }
}
