package io.oncoaudit.api.appeals.letter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Letter templates written before letters moved to Qute used {@code {{name}}} placeholders and {@code {{block}}} blocks.
 * Qute prints such text as it is, so a letter would show "{{claimId}}" instead of the claim: migration V40 converts the
 * templates stored in the database, {@link #convert} (the same mapping) converts a file of the template folder as it is
 * read, and {@link #first} lets saving a template refuse the old syntax, naming the line and the replacement.
 */
public final class LegacyPlaceholders {
    private static final Pattern BLOCK = Pattern.compile(
            "\\{\\{\\s*(introduction|billedLinesTable|correctedLinesTable|findingsSection|overpaymentNote|enclosures)\\s*\\}\\}");
    private static final Pattern VALUE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\}\\}");

    private LegacyPlaceholders() { }

    /** The template with its old placeholders in Qute syntax: blocks become the built-in block templates, values {letter.name}. */
    public static String convert(String body) {
        if (body == null || !body.contains("{{")) return body;
        String blocks = BLOCK.matcher(body).replaceAll("{#include appeals/blocks/$1 /}");
        return VALUE.matcher(blocks).replaceAll("{letter.$1}");
    }

    /** "line N: {{name}} ... write X" for the first old placeholder in the template, or null when there is none. */
    public static String first(String body) {
        if (body == null || !body.contains("{{")) return null;
        Matcher m = VALUE.matcher(body);
        if (!m.find()) return null;
        int line = 1;
        for (int i = 0; i < m.start(); i++) if (body.charAt(i) == '\n') line++;
        String name = m.group(1);
        String instead = BLOCK.matcher(m.group()).matches() ? "{#include appeals/blocks/" + name + " /}" : "{letter." + name + "}";
        return "line " + line + ": " + m.group() + " is the placeholder syntax of letter templates before Qute (printed as it is): write "
                + instead;
    }
}
