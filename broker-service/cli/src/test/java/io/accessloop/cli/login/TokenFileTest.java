package io.accessloop.cli.login;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFileTest {

    private static final TokenSet TOKENS = new TokenSet("https://idp.example.com/realms/a", "accessloop-cli",
            "access-1", Instant.parse("2030-01-01T00:00:00Z"), "refresh-1", Instant.parse("2030-01-02T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void writesTheTokensReadableByTheOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
        Path path = dir.resolve("new/accessloop/tokens.json");
        new TokenFile(path).write(TOKENS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())))
                .isEqualTo("rwx------");
        assertThat(new TokenFile(path).read()).contains(TOKENS);
    }

    @Test
    void replacingTheFileKeepsItsModeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path path = dir.resolve("tokens.json");
        TokenFile file = new TokenFile(path);
        file.write(TOKENS);
        TokenSet refreshed = new TokenSet(TOKENS.issuer(), TOKENS.clientId(), "access-2",
                Instant.parse("2030-01-01T01:00:00Z"), "refresh-2", null);
        file.write(refreshed);

        assertThat(file.read()).contains(refreshed);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tokens.json");
        }
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedAndLeftAsItIs() throws Exception {
        Path path = dir.resolve("tokens.json");
        new TokenFile(path).write(TOKENS);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> new TokenFile(path).read())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("rw-r--r--")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.NOT_LOGGED_IN);
        assertThat(Files.readString(path)).contains("access-1");
    }

    @Test
    void aDamagedFileAsksForANewLoginWithoutEchoingItsContent() throws Exception {
        Path path = dir.resolve("tokens.json");
        Files.writeString(path, "{\"issuer\":\"x\",\"accessToken\":\"secret-token\"", java.nio.charset.StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new TokenFile(path).read())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("damaged")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void aMissingFileReadsAsNotLoggedInAndDeleteSaysWhetherThereWasOne() {
        TokenFile file = new TokenFile(dir.resolve("none.json"));
        assertThat(file.read()).isEmpty();
        assertThat(file.delete()).isFalse();
        file.write(TOKENS);
        assertThat(file.delete()).isTrue();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void theTokensNeverPrintTheirSecrets() {
        assertThat(TOKENS.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }
}
