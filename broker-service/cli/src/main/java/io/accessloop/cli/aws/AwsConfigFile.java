package io.accessloop.cli.aws;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a profile into the AWS CLI's shared config file ({@code ~/.aws/config}): the profile's section gets the
 * given keys (replacing the same keys if present), every other line of the file stays as it was. The file is
 * replaced in one atomic rename.
 */
public final class AwsConfigFile {

    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_.+@-]{1,64}");

    private final Path path;

    public AwsConfigFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** Sets {@code keys} in the profile's section, creating the section (and the file) when missing. */
    public void setProfile(String profile, Map<String, String> keys) {
        if (!PROFILE.matcher(profile).matches()) {
            throw new CliException(ExitCode.USAGE, "profile name '" + profile
                    + "' must be 1-64 letters, digits or _.+@-");
        }
        String header = profile.equals("default") ? "[default]" : "[profile " + profile + "]";
        List<String> lines = read();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (normalise(lines.get(i)).equals(header)) {
                start = i;
                break;
            }
        }
        List<String> ours = new ArrayList<>();
        keys.forEach((key, value) -> ours.add(key + " = " + value));
        if (start < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add(header);
            lines.addAll(ours);
        } else {
            int end = start + 1;
            while (end < lines.size() && !lines.get(end).trim().startsWith("[")) {
                end++;
            }
            List<String> kept = new ArrayList<>();
            for (String line : lines.subList(start + 1, end)) {
                if (!keys.containsKey(keyOf(line))) {
                    kept.add(line);
                }
            }
            List<String> section = new ArrayList<>(ours);
            section.addAll(kept);
            lines.subList(start + 1, end).clear();
            lines.addAll(start + 1, section);
        }
        write(String.join("\n", lines) + "\n");
    }

    /** The key=value pairs of a profile's section (for checks and tests). */
    public Map<String, String> profile(String profile) {
        String header = profile.equals("default") ? "[default]" : "[profile " + profile + "]";
        Map<String, String> values = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : read()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) {
                inside = normalise(trimmed).equals(header);
            } else if (inside && trimmed.contains("=")) {
                values.put(keyOf(line), trimmed.substring(trimmed.indexOf('=') + 1).trim());
            }
        }
        return values;
    }

    private static String normalise(String headerLine) {
        return headerLine.trim().replaceAll("\\s+", " ").replace("[ ", "[").replace(" ]", "]");
    }

    private static String keyOf(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? "" : line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
    }

    private List<String> read() {
        try {
            return Files.exists(path) ? new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8))
                    : new ArrayList<>();
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read " + path + ": " + e.getMessage());
        }
    }

    private void write(String content) {
        try {
            Files.createDirectories(path.getParent());
            Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
            try {
                if (Files.exists(path) && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(path));
                }
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write " + path + ": " + e.getMessage());
        }
    }
}
