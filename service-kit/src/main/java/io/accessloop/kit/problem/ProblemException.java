package io.accessloop.kit.problem;

import java.util.List;

/** Thrown anywhere in a request to answer with a problem+json body. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(Problem.of(400, slug, "Bad request", detail));
    }

    public static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist"));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException refused(String slug, String detail) {
        return new ProblemException(Problem.of(422, slug, "Refused by the rules", detail));
    }
}
