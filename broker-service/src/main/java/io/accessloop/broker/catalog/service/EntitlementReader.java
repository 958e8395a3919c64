package io.accessloop.broker.catalog.service;

import io.accessloop.broker.catalog.domain.ApprovalRule;
import io.accessloop.broker.catalog.domain.BusinessHours;
import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.domain.TicketRule;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.PolicySizeLimits;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns one YAML entry into an {@link Entitlement}, reporting every problem with its line. */
final class EntitlementReader {

    static final Duration MIN_DURATION = Duration.ofMinutes(15);
    static final Duration MAX_DURATION = Duration.ofHours(12);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\x21-\\x7E]*/)?[\\w+=,.@-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern COMPACT_DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Set<String> KEYS = Set.of("name", "description", "account", "roleArn", "defaultDuration",
            "maxDuration", "eligible", "approval", "sessionPolicy", "breakGlass", "ticket", "externalId");
    private static final Set<String> APPROVAL_KEYS = Set.of("automatic", "required", "approvers", "automaticFor");
    private static final Set<String> AUTOMATIC_FOR_KEYS = Set.of("groups", "businessHours");
    private static final Set<String> HOURS_KEYS = Set.of("zone", "days", "from", "to");
    private static final Set<String> TICKET_KEYS = Set.of("required", "pattern");

    private final String file;
    private final List<CatalogProblem> problems;
    private int problemsBefore;

    EntitlementReader(String file, List<CatalogProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Optional<Entitlement> read(Node node) {
        problemsBefore = problems.size();
        Map<String, Node> fields = mapping(node, KEYS, "entitlement");
        if (fields == null) {
            return Optional.empty();
        }
        String name = requiredString(fields, "name", node);
        if (name != null && !NAME.matcher(name).matches()) {
            problem(fields.get("name"), "name '" + name + "' must be 3-64 lower-case letters, digits or dashes");
        }
        String description = optionalString(fields, "description").orElse("");
        String account = requiredString(fields, "account", node);
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            problem(fields.get("account"), "account must be 12 digits");
        }
        String roleArn = requiredString(fields, "roleArn", node);
        if (roleArn != null) {
            Matcher m = ROLE_ARN.matcher(roleArn);
            if (!m.matches()) {
                problem(fields.get("roleArn"), "roleArn '" + roleArn + "' is not an IAM role ARN");
            } else if (account != null && !m.group(1).equals(account)) {
                problem(fields.get("roleArn"), "roleArn is in account " + m.group(1) + ", not in " + account);
            }
        }
        Duration max = duration(fields, "maxDuration", node, null);
        Duration def = duration(fields, "defaultDuration", node, max);
        if (max != null && def != null && def.compareTo(max) > 0) {
            problem(fields.get("defaultDuration"), "defaultDuration is longer than maxDuration");
        }
        List<String> eligible = stringList(fields.get("eligible"), "eligible", node, true);
        ApprovalRule approval = approval(fields.get("approval"), node);
        Optional<String> sessionPolicy = sessionPolicy(fields.get("sessionPolicy"));
        boolean breakGlass = bool(fields.get("breakGlass"), false);
        TicketRule ticket = ticket(fields.get("ticket"));
        Optional<String> externalId = optionalString(fields, "externalId");
        if (externalId.isPresent() && !EXTERNAL_ID.matcher(externalId.get()).matches()) {
            problem(fields.get("externalId"), "externalId must be 2-1224 characters of letters, digits and +=,.@:/-_");
        }
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Entitlement(name, description, account, roleArn, def, max, eligible, approval,
                sessionPolicy, breakGlass, ticket, externalId, file));
    }

    private ApprovalRule approval(Node node, Node parent) {
        if (node == null) {
            problem(parent, "missing key 'approval'");
            return null;
        }
        Map<String, Node> fields = mapping(node, APPROVAL_KEYS, "approval");
        if (fields == null) {
            return null;
        }
        boolean automatic = bool(fields.get("automatic"), false);
        List<String> approvers = fields.containsKey("approvers")
                ? stringList(fields.get("approvers"), "approvers", node, false) : List.of();
        int required = fields.containsKey("required") ? integer(fields.get("required"), "required") : (automatic ? 0 : 1);
        List<String> automaticFor = List.of();
        Optional<BusinessHours> hours = Optional.empty();
        Node autoNode = fields.get("automaticFor");
        if (autoNode != null) {
            Map<String, Node> auto = mapping(autoNode, AUTOMATIC_FOR_KEYS, "automaticFor");
            if (auto != null) {
                if (auto.containsKey("groups")) {
                    automaticFor = stringList(auto.get("groups"), "groups", autoNode, true);
                }
                if (auto.containsKey("businessHours")) {
                    hours = Optional.ofNullable(businessHours(auto.get("businessHours")));
                }
            }
        }
        if (!automatic) {
            if (approvers.isEmpty()) {
                problem(node, "approval needs 'approvers' (groups) unless 'automatic: true'");
            }
            if (required < 1) {
                problem(fields.getOrDefault("required", node), "approval.required must be at least 1");
            }
        }
        return new ApprovalRule(automatic, required, approvers, automaticFor, hours);
    }

    private BusinessHours businessHours(Node node) {
        Map<String, Node> fields = mapping(node, HOURS_KEYS, "businessHours");
        if (fields == null) {
            return null;
        }
        ZoneId zone = ZoneId.of("UTC");
        Optional<String> zoneText = optionalString(fields, "zone");
        if (zoneText.isPresent()) {
            try {
                zone = ZoneId.of(zoneText.get());
            } catch (RuntimeException e) {
                problem(fields.get("zone"), "unknown time zone '" + zoneText.get() + "'");
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> dayNames = fields.containsKey("days")
                ? stringList(fields.get("days"), "days", node, true) : List.of("MON", "TUE", "WED", "THU", "FRI");
        for (String day : dayNames) {
            Optional<DayOfWeek> parsed = dayOf(day);
            if (parsed.isEmpty()) {
                problem(fields.getOrDefault("days", node), "unknown day '" + day + "' (use MON..SUN)");
            } else {
                days.add(parsed.get());
            }
        }
        LocalTime from = time(fields, "from", node);
        LocalTime to = time(fields, "to", node);
        if (from != null && to != null && !from.isBefore(to)) {
            problem(fields.get("to"), "businessHours.to must be after businessHours.from");
        }
        return new BusinessHours(zone, days, from == null ? LocalTime.MIN : from, to == null ? LocalTime.MAX : to);
    }

    private static Optional<DayOfWeek> dayOf(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || d.name().startsWith(upper) && upper.length() == 3) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private LocalTime time(Map<String, Node> fields, String key, Node parent) {
        String text = requiredString(fields, key, parent);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problem(fields.get(key), key + " '" + text + "' is not a time like 09:00");
            return null;
        }
    }

    private Optional<String> sessionPolicy(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, "sessionPolicy must be a JSON policy document written as a string (use '|')");
            return Optional.empty();
        }
        try {
            PolicyParser.parse(scalar.getValue(), PolicyKind.SESSION, PolicySizeLimits.Limit.SESSION);
            return Optional.of(scalar.getValue());
        } catch (MalformedPolicyException e) {
            int offset = e.line() > 0 ? e.line() : 0;
            problems.add(new CatalogProblem(file, CatalogReader.line(node) + offset,
                    "sessionPolicy is not a valid session policy: " + e.iamMessage()));
            return Optional.empty();
        }
    }

    private TicketRule ticket(Node node) {
        if (node == null) {
            return TicketRule.NONE;
        }
        Map<String, Node> fields = mapping(node, TICKET_KEYS, "ticket");
        if (fields == null) {
            return TicketRule.NONE;
        }
        boolean required = bool(fields.get("required"), false);
        Optional<Pattern> pattern = Optional.empty();
        Optional<String> text = optionalString(fields, "pattern");
        if (text.isPresent()) {
            try {
                pattern = Optional.of(Pattern.compile(text.get()));
            } catch (PatternSyntaxException e) {
                problem(fields.get("pattern"), "ticket.pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        return new TicketRule(required, pattern);
    }

    private Duration duration(Map<String, Node> fields, String key, Node parent, Duration fallback) {
        Node node = fields.get(key);
        if (node == null) {
            if (fallback != null) {
                return fallback;
            }
            problem(parent, "missing key '" + key + "'");
            return null;
        }
        String text = scalar(node, key);
        if (text == null) {
            return null;
        }
        Duration d = parseDuration(text.trim());
        if (d == null) {
            problem(node, key + " '" + text + "' is not a duration (PT1H, 90m, 1h30m)");
            return null;
        }
        if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
            problem(node, key + " must be between 15 minutes and 12 hours (STS session limits)");
            return null;
        }
        return d;
    }

    static Duration parseDuration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = COMPACT_DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return null;
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofSeconds(seconds);
    }

    private Map<String, Node> mapping(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a mapping");
            return null;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (!allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private String requiredString(Map<String, Node> fields, String key, Node parent) {
        Node node = fields.get(key);
        if (node == null) {
            problem(parent, "missing key '" + key + "'");
            return null;
        }
        String value = scalar(node, key);
        if (value != null && value.isBlank()) {
            problem(node, key + " must not be empty");
            return null;
        }
        return value;
    }

    private Optional<String> optionalString(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        return node == null ? Optional.empty() : Optional.ofNullable(scalar(node, key));
    }

    private String scalar(Node node, String key) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(node, key + " must be a single value");
        return null;
    }

    private boolean bool(Node node, boolean fallback) {
        if (node == null) {
            return fallback;
        }
        String text = scalar(node, "flag");
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        problem(node, "expected true or false, got '" + text + "'");
        return fallback;
    }

    private int integer(Node node, String key) {
        String text = scalar(node, key);
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            problem(node, key + " must be a whole number");
            return 0;
        }
    }

    private List<String> stringList(Node node, String key, Node parent, boolean required) {
        if (node == null) {
            if (required) {
                problem(parent, "missing key '" + key + "'");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, key + " must be a list");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String v = scalar(item, key);
            if (v != null && !v.isBlank()) {
                values.add(v.trim());
            }
        }
        if (required && values.isEmpty()) {
            problem(node, key + " must name at least one group");
        }
        return values;
    }

    private void problem(Node node, String message) {
        problems.add(new CatalogProblem(file, CatalogReader.line(node), message));
    }
}
