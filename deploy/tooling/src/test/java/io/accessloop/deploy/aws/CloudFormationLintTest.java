package io.accessloop.deploy.aws;

import io.accessloop.deploy.support.Repository;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * AWS's own template linter (cfn-lint) knows every resource type's properties; it runs when installed
 * ({@code pip install cfn-lint}) and must find nothing, not even a warning.
 */
class CloudFormationLintTest {

    @Test
    void cfnLintFindsNothingInTheTemplates() throws Exception {
        assumeTrue(installed(), "cfn-lint is not installed");
        List<String> command = new ArrayList<>(List.of("cfn-lint"));
        for (Path template : Repository.files("deploy/aws", ".yaml")) {
            command.add(template.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    private static boolean installed() {
        try {
            Process p = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
