package io.oncoaudit.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Re-indents compact JSON for people (two spaces, one member or element per line, {@code "key": value}, empty
 * containers kept as {} and []) with jackson-core's pretty printer. The input must be valid JSON, as the writers
 * produce; numbers are copied as written.
 */
public final class JsonPretty {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);

    private JsonPretty() { }

    public static String format(String json) {
        return Jackson.write(g -> {
            g.setPrettyPrinter(PRINTER.createInstance());
            try (JsonParser p = Jackson.FACTORY.createParser(json)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) copy(p, t, g);
            }
        });
    }

    private static void copy(JsonParser p, JsonToken t, JsonGenerator g) throws IOException {
        switch (t) {
            case START_OBJECT -> g.writeStartObject();
            case END_OBJECT -> g.writeEndObject();
            case START_ARRAY -> g.writeStartArray();
            case END_ARRAY -> g.writeEndArray();
            case FIELD_NAME -> g.writeFieldName(p.currentName());
            case VALUE_STRING -> g.writeString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText()); // exactly as written
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            default -> throw new UncheckedIOException(new IOException("unexpected token " + t));
        }
    }
}
