package io.accessloop.iam.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable IAM policy document. {@code version} and {@code id} are {@code null} when the document has none
 * (a missing version means {@code 2008-10-17}: policy variables are then not substituted).
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** A {@code 2012-10-17} document with the given statements. */
    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(VERSION_2012, null, Arrays.asList(statements));
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(VERSION_2012, null, statements);
    }

    /** Whether {@code ${...}} policy variables are substituted (only in version 2012-10-17 documents). */
    public boolean supportsPolicyVariables() {
        return VERSION_2012.equals(version);
    }

    /** The statement with this Sid, if any. */
    public Optional<Statement> statement(String sid) {
        return statements.stream().filter(s -> sid.equals(s.sid())).findFirst();
    }

    /** A copy with the statements appended. */
    public PolicyDocument plus(Statement... added) {
        List<Statement> all = new ArrayList<>(statements);
        all.addAll(Arrays.asList(added));
        return new PolicyDocument(version, id, all);
    }

    /** A copy without the statements whose Sid is listed (e.g. pruning expired revocation entries). */
    public PolicyDocument withoutSids(Set<String> sids) {
        return new PolicyDocument(version, id, statements.stream().filter(s -> !sids.contains(s.sid())).toList());
    }

    /** Canonical, compact JSON: fixed element order, single values as strings, statements always as an array. */
    public String toJson() {
        return PolicyJsonWriter.write(this);
    }

    /** Canonical JSON with indentation, for people to read. */
    public String toPrettyJson() {
        return PolicyJsonWriter.writePretty(this);
    }
}
