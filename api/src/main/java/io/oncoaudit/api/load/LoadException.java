package io.oncoaudit.api.load;

/** A run directory that cannot be loaded; the message names the file or field and what to do. */
public final class LoadException extends RuntimeException {
    public LoadException(String message) { super(message); }

    public LoadException(String message, Throwable cause) { super(message, cause); }
}
