package io.accessloop.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFormation template with its intrinsic functions resolved the way CloudFormation would for one set of
 * parameter values, so that the policies inside can be parsed and evaluated like the documents IAM will hold.
 * Supports the long-form {@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt} and {@code Fn::Join}; any other function in
 * a resolved value is an error, never silently kept.
 */
public final class CloudFormation {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-east-1";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String origin;
    private final JsonNode template;
    private final Map<String, String> parameterValues;

    private CloudFormation(String origin, JsonNode template, Map<String, String> parameterValues) {
        this.origin = origin;
        this.template = template;
        this.parameterValues = parameterValues;
    }

    /** The template with its parameters' defaults, overridden by {@code values}. */
    public static CloudFormation load(Path file, Map<String, String> values) {
        return of(Repository.relative(file), Yaml.document(file), values);
    }

    public static CloudFormation of(String origin, JsonNode template, Map<String, String> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        JsonNode parameters = template.path("Parameters");
        parameters.fieldNames().forEachRemaining(name -> {
            JsonNode def = parameters.get(name).get("Default");
            if (values.containsKey(name)) {
                resolved.put(name, values.get(name));
            } else if (def != null) {
                resolved.put(name, def.asText());
            }
        });
        values.keySet().stream().filter(k -> !parameters.has(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException(origin + " has no parameter " + k);
        });
        return new CloudFormation(origin, template, resolved);
    }

    public JsonNode raw() {
        return template;
    }

    public String origin() {
        return origin;
    }

    /** Logical ids of the resources of one type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> out = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** A resource's properties with every intrinsic function resolved. */
    public JsonNode properties(String logicalId) {
        JsonNode resource = template.path("Resources").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException(origin + " has no resource " + logicalId);
        }
        return resolve(resource.path("Properties"));
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = template.path("Resources").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException(origin + " has no resource " + logicalId);
        }
        return resource;
    }

    /** A policy document property as IAM receives it: a JSON string (CloudFormation accepts both forms). */
    public static String policyJson(JsonNode resolvedDocument) {
        return resolvedDocument.isTextual() ? resolvedDocument.asText() : resolvedDocument.toString();
    }

    public JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            String fn = node.fieldNames().next();
            JsonNode arg = node.get(fn);
            switch (fn) {
                case "Ref":
                    return ref(arg.asText());
                case "Fn::Sub":
                    return TextNode.valueOf(sub(arg));
                case "Fn::GetAtt":
                    return TextNode.valueOf(getAtt(arg.get(0).asText(), arg.get(1).asText()));
                case "Fn::Join":
                    return TextNode.valueOf(join(arg));
                default:
                    if (fn.startsWith("Fn::") || fn.equals("Condition")) {
                        throw new IllegalArgumentException(origin + ": " + fn + " is not resolvable here");
                    }
            }
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                out.set(e.getKey(), resolve(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(resolve(item)));
            return out;
        }
        return node;
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::AccountId":
                return TextNode.valueOf(ACCOUNT);
            case "AWS::Region":
                return TextNode.valueOf(REGION);
            case "AWS::Partition":
                return TextNode.valueOf("aws");
            case "AWS::StackName":
                return TextNode.valueOf("accessloop-test");
            default:
        }
        JsonNode parameter = template.path("Parameters").get(name);
        if (parameter != null) {
            String value = parameterValues.get(name);
            if (value == null) {
                throw new IllegalArgumentException(origin + ": parameter " + name + " has no default and no test value");
            }
            if (parameter.path("Type").asText().equals("CommaDelimitedList")) {
                ArrayNode list = NODES.arrayNode();
                for (String item : value.split(",")) {
                    list.add(item.trim());
                }
                return list;
            }
            return TextNode.valueOf(value);
        }
        if (template.path("Resources").has(name)) {
            return TextNode.valueOf(physicalName(name));
        }
        throw new IllegalArgumentException(origin + ": Ref to unknown " + name);
    }

    private String sub(JsonNode arg) {
        String text;
        Map<String, String> locals = new LinkedHashMap<>();
        if (arg.isTextual()) {
            text = arg.asText();
        } else if (arg.isArray() && arg.size() == 2) {
            text = arg.get(0).asText();
            arg.get(1).fields().forEachRemaining(e -> locals.put(e.getKey(), resolve(e.getValue()).asText()));
        } else {
            throw new IllegalArgumentException(origin + ": Fn::Sub takes a string or [string, map]");
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (locals.containsKey(variable)) {
                value = locals.get(variable);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                value = getAtt(variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                value = ref(variable).asText();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode arg) {
        String delimiter = arg.get(0).asText();
        List<String> parts = new ArrayList<>();
        resolve(arg.get(1)).forEach(p -> parts.add(p.asText()));
        return String.join(delimiter, parts);
    }

    /** What CloudFormation would name a resource: its explicit name property, else a stack-derived name. */
    private String physicalName(String logicalId) {
        JsonNode properties = resource(logicalId).path("Properties");
        for (String nameProperty : List.of("RoleName", "Name", "QueueName", "BucketName")) {
            if (properties.has(nameProperty)) {
                return resolve(properties.get(nameProperty)).asText();
            }
        }
        return "accessloop-test-" + logicalId;
    }

    private String getAtt(String logicalId, String attribute) {
        String type = resource(logicalId).path("Type").asText();
        String name = physicalName(logicalId);
        if (!attribute.equals("Arn")) {
            throw new IllegalArgumentException(origin + ": Fn::GetAtt " + logicalId + "." + attribute + " is not modelled");
        }
        String path = resource(logicalId).path("Properties").has("Path")
                ? resolve(resource(logicalId).path("Properties").get("Path")).asText() : "/";
        return switch (type) {
            case "AWS::IAM::Role" -> "arn:aws:iam::" + ACCOUNT + ":role" + path + name;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
            case "AWS::Events::ApiDestination" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":api-destination/" + name
                    + "/0d1e2f3a-0000-4000-8000-000000000000";
            case "AWS::Events::Connection" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":connection/" + name
                    + "/0d1e2f3a-0000-4000-8000-000000000000";
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            default -> throw new IllegalArgumentException(origin + ": Fn::GetAtt on " + type + " is not modelled");
        };
    }
}
