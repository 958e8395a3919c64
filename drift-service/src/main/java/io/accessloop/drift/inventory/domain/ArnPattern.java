package io.accessloop.drift.inventory.domain;

import java.util.List;
import java.util.regex.Pattern;

/** ARN patterns with IAM's wildcards ({@code *} any run of characters, {@code ?} one character). */
public final class ArnPattern {

    private final List<Pattern> patterns;

    public ArnPattern(List<String> globs) {
        this.patterns = globs.stream().filter(g -> !g.isBlank()).map(ArnPattern::compile).toList();
    }

    public boolean matches(String arn) {
        return arn != null && patterns.stream().anyMatch(p -> p.matcher(arn).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
