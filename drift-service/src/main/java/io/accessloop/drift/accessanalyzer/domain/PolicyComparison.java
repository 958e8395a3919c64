package io.accessloop.drift.accessanalyzer.domain;

import io.accessloop.iam.eval.Wildcards;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How the policy IAM Access Analyzer generated from CloudTrail differs from Accessloop's proposal, by action:
 * what both allow, what only the generated policy allows (calls AWS saw that the proposal drops: look before
 * applying), and what only the proposal keeps (exemptions such as {@code iam:PassRole}, pinned actions, use only
 * Access Advisor or resource-level evidence showed).
 */
public record PolicyComparison(List<String> inBoth, List<String> onlyInGenerated, List<String> onlyInProposal,
                               List<String> notes) {

    public PolicyComparison {
        inBoth = List.copyOf(inBoth);
        onlyInGenerated = List.copyOf(onlyInGenerated);
        onlyInProposal = List.copyOf(onlyInProposal);
        notes = List.copyOf(notes);
    }

    /** Compares the proposal's resulting identity policies with the generated ones. */
    public static PolicyComparison compare(List<String> proposalDocuments, List<String> generatedDocuments) {
        List<String> notes = new ArrayList<>();
        TreeSet<String> proposed = allowedActions(proposalDocuments, "proposal", notes);
        TreeSet<String> generated = allowedActions(generatedDocuments, "generated policy", notes);
        TreeSet<String> both = new TreeSet<>();
        TreeSet<String> onlyGenerated = new TreeSet<>();
        TreeSet<String> onlyProposal = new TreeSet<>();
        for (String g : generated) {
            if (proposed.stream().anyMatch(p -> overlap(p, g))) {
                both.add(g);
            } else {
                onlyGenerated.add(g);
            }
        }
        for (String p : proposed) {
            if (generated.stream().anyMatch(g -> overlap(p, g))) {
                both.add(p);
            } else {
                onlyProposal.add(p);
            }
        }
        return new PolicyComparison(List.copyOf(both), List.copyOf(onlyGenerated), List.copyOf(onlyProposal), notes);
    }

    private static boolean overlap(String a, String b) {
        return Wildcards.matchesAction(a, b) || Wildcards.matchesAction(b, a);
    }

    private static TreeSet<String> allowedActions(List<String> documents, String what, List<String> notes) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String json : documents) {
            PolicyDocument doc;
            try {
                doc = PolicyParser.parse(json);
            } catch (MalformedPolicyException e) {
                notes.add("a " + what + " document could not be read: " + e.getMessage());
                continue;
            }
            for (Statement s : doc.statements()) {
                if (!s.isAllow()) {
                    continue;
                }
                if (!s.notActions().isEmpty()) {
                    notes.add("the " + what + " allows everything except " + s.notActions()
                            + " (NotAction); compared by its other statements only");
                    continue;
                }
                out.addAll(s.actions());
            }
        }
        return out;
    }
}
