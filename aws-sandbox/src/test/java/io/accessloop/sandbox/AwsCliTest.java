package io.accessloop.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the sandbox with the AWS CLI where the machine has it (skipped otherwise). */
@QuarkusTest
class AwsCliTest extends SandboxTestBase {

    private String aws(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url",
                AwsClients.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().remove("AWS_SESSION_TOKEN");
        pb.environment().remove("AWS_PROFILE");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + "\n" + output;
    }

    private static boolean cliAvailable() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theAwsCliTalksToTheSandbox() throws Exception {
        Assumptions.assumeTrue(cliAvailable(), "the AWS CLI is not installed here");
        assertThat(aws("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document",
                trustAccount())).startsWith("0\n").contains("arn:aws:iam::000000000000:role/cli-role");
        assertThat(aws("iam", "list-roles")).startsWith("0\n").contains("cli-role");
        assertThat(aws("sts", "get-caller-identity")).startsWith("0\n").contains("\"Account\": \"000000000000\"");
        assertThat(aws("iam", "get-role", "--role-name", "missing")).doesNotStartWith("0\n").contains("NoSuchEntity");
        assertThat(aws("cloudtrail", "lookup-events", "--max-results", "5")).startsWith("0\n").contains("CreateRole");
    }
}
