package io.accessloop.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into {@code bench/RESULTS.md}: every figure beside the baseline measured in the same run,
 * and the DESIGN §8 targets with what was measured for each.
 * Usage: {@code ResultsReport <RESULTS.md> <command line> <file>...}: JMH's JSON or the drivers' rows in the same
 * shape; files named {@code *notes*.json} hold the drivers' notes ({@code {"benchmark": "why"}}); {@code *.txt} files
 * are the run's own account (mode, duration, machine load) and are quoted as they are.
 */
public final class ResultsReport {

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ResultsReport <RESULTS.md> <command> <results.json>...");
        }
        List<Row> rows = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        StringBuilder account = new StringBuilder();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            if (!Files.exists(file)) {
                continue;
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".txt")) {
                account.append(Files.readString(file).strip()).append("\n");
            } else if (name.contains("notes")) {
                new ObjectMapper().readTree(file.toFile()).fields()
                        .forEachRemaining(e -> notes.put(e.getKey(), e.getValue().asText()));
            } else {
                rows.addAll(read(file));
            }
        }
        Files.writeString(Path.of(args[0]), render(rows, notes, account.toString(), args[1], Machine.describe()));
    }

    /** One benchmark result: name, parameters, score and unit. */
    public record Row(String benchmark, String params, double score, double error, String unit) {

        String group() {
            return benchmark.substring(0, benchmark.lastIndexOf('.'));
        }

        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** Percentile rows ({@code …P99}) compare with the baseline's row of the same percentile. */
        String percentile() {
            String method = method();
            int at = method.lastIndexOf('P');
            return at > 0 && method.substring(at + 1).chars().allMatch(Character::isDigit) && at < method.length() - 1
                    ? method.substring(at) : "";
        }
    }

    static List<Row> read(Path json) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            StringBuilder params = new StringBuilder();
            result.path("params").fields().forEachRemaining(p ->
                    params.append(params.length() == 0 ? "" : ", ").append(p.getKey()).append('=').append(p.getValue().asText()));
            JsonNode metric = result.get("primaryMetric");
            String name = result.get("benchmark").asText();
            rows.add(new Row(name.substring(name.indexOf("bench.") + 6), params.toString(),
                    metric.get("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN),
                    metric.get("scoreUnit").asText()));
        }
        return rows;
    }

    static String render(List<Row> rows, String command, String machine) {
        return render(rows, Map.of(), "", command, machine);
    }

    static String render(List<Row> rows, Map<String, String> notes, String account, String command, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n")
                .append("- Machine: ").append(machine).append('\n')
                .append("- Command: `").append(command).append("`\n")
                .append("- Date: ").append(java.time.Instant.now()).append("\n");
        if (!account.isBlank()) {
            account.lines().forEach(line -> md.append("- ").append(line).append('\n'));
        }
        md.append('\n')
                .append("Each ratio compares a figure with the baseline of its group measured in this same run ")
                .append("(the `baseline…` row of the same unit, else the first row of the group: the smallest parameter). ")
                .append("Latency rows (`…P50/P95/P99`, ms) come with a throughput row; for the end-to-end drivers that time ")
                .append("one round after another, that throughput is rounds per second of the driver, not a capacity.\n\n")
                .append("## Targets\n\n| what | target | measured |\n|---|---|---|\n");
        for (Target target : Target.ALL) {
            md.append("| ").append(target.what()).append(" | ").append(target.goal()).append(" | ")
                    .append(target.verdict(rows, notes).replace("|", "\\|")).append(" |\n");
        }
        md.append('\n');
        md.append(Scaling.render(rows));
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row));
        for (var group : groups.entrySet()) {
            md.append("## ").append(group.getKey()).append("\n\n")
                    .append("| benchmark | parameters | score | ± | unit | ratio to baseline |\n")
                    .append("|---|---|---:|---:|---|---:|\n");
            for (Row row : group.getValue()) {
                Row baseline = baseline(group.getValue(), row);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %.2f× |%n", row.method(),
                        row.params().isEmpty() ? "–" : row.params(), row.score(), row.error(), row.unit(),
                        row.score() / baseline.score()));
            }
            md.append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("## Notes from the drivers\n\n");
            notes.forEach((benchmark, note) -> md.append("- `").append(benchmark).append("`: ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static Row baseline(List<Row> group, Row row) {
        List<Row> comparable = group.stream()
                .filter(r -> r.unit().equals(row.unit()) && r.percentile().equals(row.percentile()))
                .toList();
        return comparable.stream().filter(r -> r.method().startsWith("baseline")).findFirst().orElse(comparable.get(0));
    }
}
