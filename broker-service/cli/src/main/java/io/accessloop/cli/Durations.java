package io.accessloop.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 90m}, {@code 1h30m}, {@code 900s}, {@code 900} (seconds) or {@code PT1H}. */
public final class Durations {

    private static final Pattern COMPACT = Pattern.compile("(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?");

    private Durations() {
    }

    public static Duration parse(String flag, String text) {
        String value = text.trim();
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return nonNegative(flag, text, Duration.parse(value.toUpperCase(java.util.Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw invalid(flag, text);
            }
        }
        if (value.matches("\\d{1,7}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher m = COMPACT.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw invalid(flag, text);
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofSeconds(seconds);
    }

    private static Duration nonNegative(String flag, String text, Duration d) {
        if (d.isNegative()) {
            throw invalid(flag, text);
        }
        return d;
    }

    private static CliException invalid(String flag, String text) {
        return new CliException(ExitCode.USAGE, "--" + flag + " '" + text + "' is not a duration (e.g. 1h, 90m, 900s)");
    }
}
