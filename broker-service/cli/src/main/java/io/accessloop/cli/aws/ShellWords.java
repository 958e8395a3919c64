package io.accessloop.cli.aws;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Joins words into a {@code credential_process} command line. The AWS CLI and SDKs split that line with shell-like
 * rules, so a word with spaces or quotes is wrapped in double quotes with {@code "} and {@code \} escaped.
 */
public final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    public static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
