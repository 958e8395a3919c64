package io.accessloop.iam.policy;

import static io.accessloop.iam.policy.MalformedPolicyException.Reason.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the structure of a policy document with the streaming parser so that every fault carries its position.
 * Checks what holds for every kind of policy; {@link PolicyKindRules} adds the per-kind rules.
 */
final class PolicyReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?\\-]+:[A-Za-z0-9*?_\\-.]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** IAM shows the unique id (AIDA..., AROA...) in place of a principal that was deleted. */
    private static final Pattern UNIQUE_ID = Pattern.compile("A(IDA|ROA|GPA|IPA|NPA|NVA|SIA|KIA)[A-Z0-9]{12,}");

    private final JsonParser p;
    private final List<ParsedStatement> statements = new ArrayList<>();
    private String version;
    private String id;

    private PolicyReader(JsonParser parser) {
        this.p = parser;
    }

    /** The document plus per-statement positions. */
    record Result(PolicyDocument document, List<ParsedStatement> statements, SourcePosition statementPosition) {
    }

    static Result read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new PolicyReader(parser).readDocument();
        } catch (JsonProcessingException e) {
            SourcePosition at = SourcePosition.of(e.getLocation());
            throw at.fault(SYNTAX_ERROR, "Syntax errors in policy. " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result readDocument() throws IOException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. A policy document must be a JSON object");
        }
        SourcePosition statementAt = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            SourcePosition at = here();
            p.nextToken();
            switch (field) {
                case "Version" -> {
                    version = readString(field);
                    if (!PolicyDocument.VERSION_2012.equals(version) && !PolicyDocument.VERSION_2008.equals(version)) {
                        throw at.fault(INVALID_VERSION, "The policy failed legacy parsing: unsupported Version "
                                + version + " (use 2012-10-17)");
                    }
                }
                case "Id" -> id = readString(field);
                case "Statement" -> {
                    statementAt = at;
                    readStatements();
                }
                default -> throw at.fault(UNKNOWN_FIELD, "Unknown field " + field);
            }
        }
        if (p.nextToken() != null) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. Unexpected content after the document");
        }
        if (statementAt == null) {
            throw new MalformedPolicyException(MISSING_STATEMENT, "Missing required field Statement", 1, 1);
        }
        if (statements.isEmpty()) {
            throw statementAt.fault(MISSING_STATEMENT, "Missing required field Statement: it has no statements");
        }
        List<Statement> plain = statements.stream().map(ParsedStatement::statement).toList();
        return new Result(new PolicyDocument(version, id, plain), List.copyOf(statements), statementAt);
    }

    private void readStatements() throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            statements.add(readStatement());
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. Statement must be an object or an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. Each statement must be an object");
            }
            statements.add(readStatement());
        }
    }

    private ParsedStatement readStatement() throws IOException {
        SourcePosition start = here();
        Map<String, SourcePosition> fields = new LinkedHashMap<>();
        String sid = null;
        Effect effect = null;
        List<String> actions = List.of();
        List<String> notActions = List.of();
        List<String> resources = List.of();
        List<String> notResources = List.of();
        Principals principals = null;
        Principals notPrincipals = null;
        List<Condition> conditions = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            SourcePosition at = here();
            fields.put(field, at);
            p.nextToken();
            switch (field) {
                case "Sid" -> sid = readString(field);
                case "Effect" -> {
                    String text = readString(field);
                    effect = Effect.fromJson(text);
                    if (effect == null) {
                        throw at.fault(INVALID_EFFECT, "Invalid effect: " + text + " (must be Allow or Deny)");
                    }
                }
                case "Action" -> actions = readActions(field);
                case "NotAction" -> notActions = readActions(field);
                case "Resource" -> resources = readResources(field);
                case "NotResource" -> notResources = readResources(field);
                case "Principal" -> principals = readPrincipals(field);
                case "NotPrincipal" -> notPrincipals = readPrincipals(field);
                case "Condition" -> conditions = readConditions();
                default -> throw at.fault(UNKNOWN_FIELD, "Unknown field " + field);
            }
        }
        if (effect == null) {
            throw start.fault(MISSING_EFFECT, "Missing required field Effect");
        }
        conflict(fields, "Action", "NotAction");
        conflict(fields, "Resource", "NotResource");
        conflict(fields, "Principal", "NotPrincipal");
        if (actions.isEmpty() && notActions.isEmpty()) {
            throw start.fault(MISSING_ACTION, "Policy statement must contain actions.");
        }
        Statement statement = new Statement(sid, effect, actions, notActions, resources, notResources, principals,
                notPrincipals, conditions);
        return new ParsedStatement(statement, start, fields);
    }

    private static void conflict(Map<String, SourcePosition> fields, String a, String b) {
        if (fields.containsKey(a) && fields.containsKey(b)) {
            throw fields.get(b).fault(CONFLICTING_FIELDS, "Statement cannot contain both " + a + " and " + b);
        }
    }

    private List<String> readActions(String field) throws IOException {
        List<String> values = new ArrayList<>();
        for (Located value : readStringOrArray(field)) {
            String action = value.text();
            if (!action.equals("*") && !ACTION.matcher(action).matches()) {
                if (action.indexOf(':') < 0) {
                    throw value.at().fault(INVALID_ACTION,
                            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Invalid: "
                                    + action);
                }
                throw value.at().fault(INVALID_ACTION, "Invalid Action: " + action);
            }
            values.add(action);
        }
        return values;
    }

    private List<String> readResources(String field) throws IOException {
        List<String> values = new ArrayList<>();
        for (Located value : readStringOrArray(field)) {
            String resource = value.text();
            if (!resource.equals("*") && !Arn.isValid(resource)) {
                throw value.at().fault(INVALID_RESOURCE, "Resource " + resource + " must be in ARN format or \"*\".");
            }
            values.add(resource);
        }
        return values;
    }

    private Principals readPrincipals(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            if (!"*".equals(p.getText())) {
                throw here().fault(INVALID_PRINCIPAL, "Invalid principal in policy: \"" + p.getText() + "\"");
            }
            return Principals.anyone();
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. " + field + " must be \"*\" or an object");
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String type = p.currentName();
            SourcePosition typeAt = here();
            p.nextToken();
            List<String> ids = new ArrayList<>();
            for (Located value : readStringOrArray(type)) {
                validatePrincipal(type, value, typeAt);
                ids.add(value.text());
            }
            byType.put(type, ids);
        }
        if (byType.isEmpty()) {
            throw here().fault(INVALID_PRINCIPAL, "Invalid principal in policy: " + field + " is empty");
        }
        return new Principals(false, byType);
    }

    private static void validatePrincipal(String type, Located value, SourcePosition typeAt) {
        String id = value.text();
        boolean valid = switch (type) {
            case Principals.AWS -> id.equals("*") || ACCOUNT_ID.matcher(id).matches() || isIamPrincipalArn(id)
                    || UNIQUE_ID.matcher(id).matches();
            case Principals.SERVICE, Principals.FEDERATED, Principals.CANONICAL_USER ->
                    !id.isBlank() && id.chars().noneMatch(Character::isWhitespace);
            default -> false;
        };
        if (!valid) {
            SourcePosition at = value.at() == SourcePosition.UNKNOWN ? typeAt : value.at();
            throw at.fault(INVALID_PRINCIPAL, "Invalid principal in policy: \"" + type + "\":\"" + id + "\"");
        }
    }

    private static boolean isIamPrincipalArn(String id) {
        return Arn.tryParse(id)
                .filter(arn -> arn.service().equals("iam") || arn.service().equals("sts"))
                .filter(arn -> !arn.resource().isEmpty())
                .isPresent();
    }

    private List<Condition> readConditions() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. Condition must be an object");
        }
        List<Condition> conditions = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String operatorName = p.currentName();
            SourcePosition operatorAt = here();
            ConditionOperator operator = ConditionOperator.parse(operatorName);
            if (operator == null) {
                throw operatorAt.fault(INVALID_CONDITION, "Invalid Condition type : " + operatorName);
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw here().fault(SYNTAX_ERROR,
                        "Syntax errors in policy. Condition " + operatorName + " must map keys to values");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                SourcePosition keyAt = here();
                if (key.indexOf(':') <= 0) {
                    throw keyAt.fault(INVALID_CONDITION,
                            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Invalid: "
                                    + key);
                }
                p.nextToken();
                List<String> values = readScalarOrArray(key).stream().map(Located::text).toList();
                Condition condition = new Condition(operator, key, values);
                boolean duplicate = conditions.stream().anyMatch(
                        c -> c.operator().equals(operator) && c.key().equals(key));
                if (duplicate) {
                    throw keyAt.fault(INVALID_CONDITION, "Duplicate condition " + operator + " on " + key);
                }
                conditions.add(condition);
            }
        }
        return conditions;
    }

    private record Located(String text, SourcePosition at) {
    }

    private List<Located> readStringOrArray(String field) throws IOException {
        return readValues(field, false);
    }

    /** Condition values may also be JSON numbers and booleans, kept as their text. */
    private List<Located> readScalarOrArray(String field) throws IOException {
        return readValues(field, true);
    }

    private List<Located> readValues(String field, boolean scalarsAllowed) throws IOException {
        List<Located> values = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                values.add(readScalar(field, scalarsAllowed));
            }
        } else {
            values.add(readScalar(field, scalarsAllowed));
        }
        return values;
    }

    private Located readScalar(String field, boolean scalarsAllowed) throws IOException {
        JsonToken t = p.currentToken();
        boolean ok = t == JsonToken.VALUE_STRING
                || scalarsAllowed && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                        || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE);
        if (!ok) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. " + field + " must be a string or an array of "
                    + (scalarsAllowed ? "strings, numbers or booleans" : "strings"));
        }
        return new Located(p.getText(), here());
    }

    private String readString(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw here().fault(SYNTAX_ERROR, "Syntax errors in policy. " + field + " must be a string");
        }
        return p.getText();
    }

    private SourcePosition here() {
        return SourcePosition.of(p.currentTokenLocation());
    }
}
