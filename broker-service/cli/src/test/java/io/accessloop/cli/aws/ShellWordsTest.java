package io.accessloop.cli.aws;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest {

    @Test
    void plainWordsStayAndOthersAreDoubleQuotedWithEscapes() {
        assertThat(ShellWords.join(List.of("/usr/bin/java", "-jar", "/opt/accessloop-cli.jar", "--reason",
                "investigate INC-42", "--ticket", "say \"hi\" \\o/")))
                .isEqualTo("/usr/bin/java -jar /opt/accessloop-cli.jar --reason \"investigate INC-42\" --ticket "
                        + "\"say \\\"hi\\\" \\\\o/\"");
    }

    @Test
    void anEmptyWordSurvivesAsEmptyQuotes() {
        assertThat(ShellWords.join(List.of("a", ""))).isEqualTo("a \"\"");
    }
}
