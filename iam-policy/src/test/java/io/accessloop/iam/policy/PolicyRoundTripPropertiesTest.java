package io.accessloop.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.accessloop.iam.testing.PolicyGen;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyRoundTripPropertiesTest {

    @Test
    void parsingTheCanonicalJsonGivesBackTheSameDocument() {
        qt().withExamples(500).forAll(PolicyGen.documents())
                .checkAssert(doc -> assertThat(PolicyParser.parse(doc.toJson(), PolicyKind.IDENTITY)).isEqualTo(doc));
    }

    @Test
    void canonicalJsonIsAFixedPoint() {
        qt().withExamples(300).forAll(PolicyGen.documents())
                .checkAssert(doc -> assertThat(PolicyParser.parse(doc.toPrettyJson()).toJson()).isEqualTo(doc.toJson()));
    }

    @Test
    void urlEncodingChangesNothing() {
        qt().withExamples(200).forAll(PolicyGen.documents()).checkAssert(doc -> {
            String encoded = URLEncoder.encode(doc.toPrettyJson(), StandardCharsets.UTF_8).replace("+", "%20");
            assertThat(PolicyParser.parse(encoded)).isEqualTo(doc);
        });
    }
}
