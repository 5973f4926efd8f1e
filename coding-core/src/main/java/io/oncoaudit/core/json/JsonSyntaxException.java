package io.oncoaudit.core.json;

/** Input that is not well-formed JSON, with the character offset where reading stopped. */
public final class JsonSyntaxException extends RuntimeException {
    private final int offset;

    public JsonSyntaxException(String message, int offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    public int offset() { return offset; }
}
