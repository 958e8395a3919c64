package io.accessloop.cli.aws;

import io.accessloop.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsConfigFileTest {

    @TempDir
    Path dir;

    private static Map<String, String> keys(String command) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("credential_process", command);
        keys.put("region", "eu-west-1");
        return keys;
    }

    @Test
    void createsTheFileAndTheProfile() {
        AwsConfigFile file = new AwsConfigFile(dir.resolve(".aws/config"));
        file.setProfile("prod-ro", keys("accessloop credential-process --entitlement prod-readonly"));

        assertThat(file.profile("prod-ro")).containsEntry("credential_process",
                "accessloop credential-process --entitlement prod-readonly").containsEntry("region", "eu-west-1");
    }

    @Test
    void replacesOnlyTheSameKeysOfTheSameProfileAndKeepsEverythingElse() throws Exception {
        Path path = dir.resolve("config");
        Files.writeString(path, """
                [default]
                region = us-east-1

                [profile prod-ro]
                credential_process = old-command
                output = json
                # a comment stays

                [profile other]
                credential_process = untouched
                """);
        new AwsConfigFile(path).setProfile("prod-ro", keys("new-command"));

        List<String> lines = Files.readAllLines(path);
        assertThat(lines).contains("[default]", "region = us-east-1", "output = json", "# a comment stays",
                "[profile other]", "credential_process = untouched", "credential_process = new-command");
        assertThat(lines).doesNotContain("credential_process = old-command");
        assertThat(lines.stream().filter(l -> l.startsWith("[profile prod-ro]"))).hasSize(1);
        assertThat(new AwsConfigFile(path).profile("other")).containsEntry("credential_process", "untouched");
        assertThat(new AwsConfigFile(path).profile("default")).containsEntry("region", "us-east-1");
    }

    @Test
    void aProfileNameThatWouldBreakTheFileIsRefusedAndNothingIsWritten() {
        Path path = dir.resolve("config");
        assertThatThrownBy(() -> new AwsConfigFile(path).setProfile("bad]\n[default", keys("x")))
                .isInstanceOf(CliException.class).hasMessageContaining("profile name");
        assertThat(path).doesNotExist();
    }
}
