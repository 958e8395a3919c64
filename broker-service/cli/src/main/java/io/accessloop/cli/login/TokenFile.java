package io.accessloop.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.support.Json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The only thing the CLI keeps on disk: the OIDC tokens, in a file of mode 0600 inside a folder of mode 0700.
 * A new version is written to a temporary file created with mode 0600 from the start (never widened afterwards),
 * flushed, then moved over the old one in one atomic rename, so a reader sees the old or the new file, never half
 * of one. A token file others can read is refused, as ssh refuses a readable private key.
 */
public final class TokenFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    public TokenFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    public Optional<TokenSet> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            if (posix()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                if (!OWNER_ONLY.containsAll(mode)) {
                    throw new CliException(ExitCode.NOT_LOGGED_IN, "the token file " + path + " has mode "
                            + PosixFilePermissions.toString(mode) + "; it must be readable by you only (rw-------): "
                            + "run 'accessloop logout' and 'accessloop login' again");
                }
            }
            JsonNode node = Json.object(Files.readString(path, StandardCharsets.UTF_8), "the token file " + path);
            return Optional.of(new TokenSet(required(node, "issuer"), required(node, "clientId"),
                    required(node, "accessToken"),
                    Json.instant(node, "accessTokenExpiresAt").orElseThrow(() -> corrupt("accessTokenExpiresAt")),
                    Json.text(node, "refreshToken").orElse(null),
                    Json.instant(node, "refreshTokenExpiresAt").orElse(null)));
        } catch (CliException e) {
            if (e.exitCode() == ExitCode.UNAVAILABLE) {
                throw corrupt("its content");
            }
            throw e;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read the token file " + path + ": " + e.getMessage());
        }
    }

    public void write(TokenSet tokens) {
        ObjectNode node = Json.newObject()
                .put("issuer", tokens.issuer())
                .put("clientId", tokens.clientId())
                .put("accessToken", tokens.accessToken())
                .put("accessTokenExpiresAt", tokens.accessTokenExpiresAt().toString());
        if (tokens.refreshToken() != null) {
            node.put("refreshToken", tokens.refreshToken());
        }
        if (tokens.refreshTokenExpiresAt() != null) {
            node.put("refreshTokenExpiresAt", tokens.refreshTokenExpiresAt().toString());
        }
        byte[] bytes = Json.write(node).getBytes(StandardCharsets.UTF_8);
        Path dir = path.getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, attributes(OWNER_FOLDER));
            }
            temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp", attributes(OWNER_ONLY));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp);
            temp = null;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write the token file " + path + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing secret is lost by leaving an owner-only temporary file behind
                }
            }
        }
    }

    /** Removes the file; true when there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot delete the token file " + path + ": " + e.getMessage());
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private boolean posix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private String required(JsonNode node, String field) {
        return Json.text(node, field).orElseThrow(() -> corrupt(field));
    }

    private CliException corrupt(String what) {
        return new CliException(ExitCode.NOT_LOGGED_IN, "the token file " + path + " is damaged (" + what
                + "): run 'accessloop login' again");
    }
}
