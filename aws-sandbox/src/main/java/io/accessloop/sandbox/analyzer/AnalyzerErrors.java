package io.accessloop.sandbox.analyzer;

import io.accessloop.sandbox.core.AwsError;

/** Access Analyzer's error codes and statuses (REST-JSON: the code travels in {@code x-amzn-ErrorType}). */
final class AnalyzerErrors {

    private AnalyzerErrors() {
    }

    static AwsError validation(String message) {
        return new AwsError("ValidationException", 400, message);
    }

    static AwsError notFound(String message) {
        return new AwsError("ResourceNotFoundException", 404, message);
    }

    static AwsError conflict(String message) {
        return new AwsError("ConflictException", 409, message);
    }

    static AwsError invalidParameter(String message) {
        return new AwsError("InvalidParameterException", 400, message);
    }
}
