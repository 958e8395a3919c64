package io.accessloop.drift.ingest.domain;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which https hosts drift fetches from for SNS (signing certificates, subscription confirmations). A pattern is a
 * host name in which {@code *} stands for exactly one DNS label, e.g. {@code sns.*.amazonaws.com}.
 */
public final class HostAllowList {

    private final List<Pattern> patterns;

    public HostAllowList(List<String> hosts) {
        this.patterns = hosts.stream().map(String::trim).filter(h -> !h.isEmpty()).map(HostAllowList::compile).toList();
    }

    /** Whether the URL is https, carries no user info, and its host matches a pattern. */
    public boolean allows(URI url) {
        if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getRawUserInfo() != null
                || url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(host).matches());
    }

    private static Pattern compile(String host) {
        StringBuilder regex = new StringBuilder();
        for (String label : host.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            if (!regex.isEmpty()) {
                regex.append("\\.");
            }
            regex.append("*".equals(label) ? "[a-z0-9-]+" : Pattern.quote(label));
        }
        return Pattern.compile(regex.toString());
    }
}
