package io.accessloop.drift.inventory.domain;

import io.accessloop.iam.policy.Arn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads IAM's credential report CSV; the root account's row is left out. */
public final class CredentialReportParser {

    private CredentialReportParser() {
    }

    public static List<UserCredentials> parse(String csv) {
        String[] lines = csv.strip().split("\r?\n");
        if (lines.length == 0 || !lines[0].startsWith("user,arn,")) {
            throw new MalformedItemException("not an IAM credential report");
        }
        String[] header = lines[0].split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        List<UserCredentials> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length < header.length) {
                throw new MalformedItemException("credential report line " + (i + 1) + " is short");
            }
            String user = cells[column.get("user")];
            if ("<root_account>".equals(user)) {
                continue;
            }
            String arn = cells[column.get("arn")];
            List<UserCredentials.AccessKeySlot> keys = new ArrayList<>();
            for (int slot = 1; slot <= 2; slot++) {
                String prefix = "access_key_" + slot + "_";
                keys.add(new UserCredentials.AccessKeySlot(slot,
                        Boolean.parseBoolean(cells[column.get(prefix + "active")]),
                        time(cells[column.get(prefix + "last_rotated")]),
                        time(cells[column.get(prefix + "last_used_date")])));
            }
            out.add(new UserCredentials(user, arn, Arn.tryParse(arn).map(Arn::account).orElse(null),
                    time(cells[column.get("user_creation_time")]),
                    Boolean.parseBoolean(cells[column.get("password_enabled")]),
                    time(cells[column.get("password_last_used")]),
                    Boolean.parseBoolean(cells[column.get("mfa_active")]), keys));
        }
        return out;
    }

    private static Instant time(String cell) {
        if (cell == null || cell.isBlank() || !Character.isDigit(cell.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(cell);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
