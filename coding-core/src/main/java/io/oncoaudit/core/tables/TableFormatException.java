package io.oncoaudit.core.tables;

/** A reference table or fee-schedule file that cannot be read, naming the file, line and problem. */
public final class TableFormatException extends RuntimeException {
    public TableFormatException(String source, long line, String message) {
        super(source + " line " + line + ": " + message);
    }
}
