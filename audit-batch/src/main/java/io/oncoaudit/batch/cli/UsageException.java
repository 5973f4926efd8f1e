package io.oncoaudit.batch.cli;

/** Wrong command-line usage: exit 2 with the message and the usage text. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
