package io.oncoaudit.core.model;

/** A value that cannot be accepted, with the path of the field at fault (e.g. {@code administrations[0].dose}). */
public final class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() { return field; }

    /** The message without the field prefix. */
    public String reason() { return getMessage().substring(field.length() + 2); }

    public ValidationError toError() { return new ValidationError(field, reason()); }
}
