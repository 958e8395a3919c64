package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.bench.load.LoadResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-to-end drivers against a running local stack (deploy/run.sh). A driver that fails leaves a note saying
 * why instead of a figure. Usage: {@code EndToEnd <results.json> <notes.json> [--full] [--only name,…]
 * [--except name,…]}.
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    /** Where a failed driver's note goes: the figures it would have given (default: its own name). */
    private static final Map<String, java.util.List<String>> NOTE_KEYS = Map.of(
            "RevokeToDeny", java.util.List.of("RevocationToDeny.revokeToDenyP99"),
            "ExpiryToDeny", java.util.List.of("RevocationToDeny.expiryToDenyP99"),
            "OffboardingToDeny", java.util.List.of("RevocationToDeny.offboardingToDenyP99"),
            "DriftIngestion", java.util.List.of("DriftIngestion", "DriftFirehose", "DriftProcessing"));

    /** One driver. */
    interface Driver {
        void run(Context ctx) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        boolean full = false;
        String only = null;
        String except = "";
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--full")) {
                full = true;
            } else if (args[i].equals("--only")) {
                only = args[++i];
            } else if (args[i].equals("--except")) {
                except = args[++i];
            }
        }
        ArrayNode rows = Http.JSON.createArrayNode();
        ObjectNode notes = Http.JSON.createObjectNode();
        Context ctx = new Context(full, rows, notes);
        Map<String, Driver> drivers = new LinkedHashMap<>();
        drivers.put("ApprovalToCredentials", ApprovalToCredentials::run);
        drivers.put("RevokeToDeny", RevocationToDeny::revoke);
        drivers.put("ExpiryToDeny", RevocationToDeny::expiry);
        drivers.put("OffboardingToDeny", RevocationToDeny::offboarding);
        drivers.put("DriftDetection", DriftDetection::run);
        drivers.put("PortalLoad", PortalLoad::run);
        drivers.put("ExpiryStorm", ExpiryStorm::run);
        drivers.put("DriftIngestion", DriftIngestion::run);
        for (var driver : drivers.entrySet()) {
            if (only != null && !(("," + only + ",").contains("," + driver.getKey() + ","))
                    || ("," + except + ",").contains("," + driver.getKey() + ",")) {
                continue;
            }
            long start = System.nanoTime();
            System.out.println("== e2e " + driver.getKey());
            try {
                driver.getValue().run(ctx);
            } catch (Exception | Error e) {
                for (String key : NOTE_KEYS.getOrDefault(driver.getKey(), java.util.List.of(driver.getKey()))) {
                    ctx.note(key, "driver failed: " + e);
                }
                e.printStackTrace();
            }
            System.out.printf("   %s took %.0f s%n", driver.getKey(), (System.nanoTime() - start) / 1e9);
            LoadResults.write(Path.of(args[0]), rows);
            Files.writeString(Path.of(args[1]), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notes));
        }
    }
}
