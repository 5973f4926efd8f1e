package io.oncoaudit.batch.input;

/** An input the audit cannot read at all (missing file, unknown format, missing required column): exit 2. */
public final class InputException extends RuntimeException {
    public InputException(String message) { super(message); }

    public InputException(String message, Throwable cause) { super(message, cause); }
}
