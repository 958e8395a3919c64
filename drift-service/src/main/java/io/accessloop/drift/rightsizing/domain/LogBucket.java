package io.accessloop.drift.rightsizing.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Port: a bucket CloudTrail delivers log files to ({@code AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/…}). */
public interface LogBucket {

    /** The bucket's name, for messages and checkpoints. */
    String name();

    /** Keys of every log file in the bucket, in key order. */
    List<String> logFiles();

    /** The object's bytes as a stream (never loaded whole); the caller closes it. */
    InputStream open(String key) throws IOException;
}
