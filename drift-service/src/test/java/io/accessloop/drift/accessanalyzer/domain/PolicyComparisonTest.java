package io.accessloop.drift.accessanalyzer.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyComparisonTest {

    private static String allow(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    @Test
    void actionsAreSortedIntoBothOnlyGeneratedAndOnlyProposal() {
        PolicyComparison c = PolicyComparison.compare(
                List.of(allow("s3:GetObject", "s3:List*", "iam:PassRole")),
                List.of(allow("s3:GetObject", "s3:ListBucket"), allow("sqs:SendMessage")));

        assertThat(c.inBoth()).containsExactly("s3:GetObject", "s3:List*", "s3:ListBucket");
        assertThat(c.onlyInGenerated()).containsExactly("sqs:SendMessage");
        assertThat(c.onlyInProposal()).containsExactly("iam:PassRole");
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void unreadableDocumentsAndNotActionAreNotedNotThrown() {
        PolicyComparison c = PolicyComparison.compare(List.of("{not json", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"), List.of());

        assertThat(c.inBoth()).isEmpty();
        assertThat(c.notes()).hasSize(2);
    }
}
