package io.accessloop.drift.rightsizing.usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** CloudTrail records and log files for tests. */
final class TrailFiles {

    static final String ACCOUNT = "111122223333";

    private TrailFiles() {
    }

    static String roleCall(String role, String source, String name, String time, String resourceJson, String error) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROA1:s\","
                + "\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/s\",\"accountId\":\"" + ACCOUNT + "\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::" + ACCOUNT
                + ":role/app/" + role + "\",\"userName\":\"" + role + "\"},\"attributes\":{\"mfaAuthenticated\":\"false\"}}},"
                + "\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\","
                + "\"awsRegion\":\"eu-west-1\",\"requestParameters\":{\"bucketName\":\"b\",\"nested\":{\"a\":[1,2,{\"x\":null}]}},"
                + "\"responseElements\":null,"
                + (error == null ? "" : "\"errorCode\":\"" + error + "\",\"errorMessage\":\"no\",")
                + (resourceJson == null ? "" : "\"resources\":" + resourceJson + ",")
                + "\"eventID\":\"" + java.util.UUID.randomUUID() + "\",\"readOnly\":true}";
    }

    static String userCall(String user, String source, String name, String time) {
        return "{\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + ACCOUNT + ":user/" + user + "\"},"
                + "\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name
                + "\",\"eventID\":\"u-" + name + time + "\"}";
    }

    static String file(String... records) {
        return "{\"Records\":[" + String.join(",", Arrays.asList(records)) + "]}";
    }

    static String file(List<String> records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
