package io.oncoaudit.api.rest;

/** Thrown by resources for a request a person must correct; rendered as problem+json. */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;

    public ProblemException(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Invalid request", field, detail);
    }

    public static ProblemException notFound(String field, String detail) {
        return new ProblemException(404, "Not found", field, detail);
    }

    public int status() { return status; }

    public String title() { return title; }

    public String field() { return field; }
}
