package io.oncoaudit.api.appeals.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a payer's reviewer reads cites public authorities only (CPT, CMS manuals and transmittals, MAC
 * articles, NCCI): the audit's findings carry the product's internal references too ("NOTES 3.1",
 * "product decision 10", source tags such as "[S-JWJZ]" or "SEED-004"), which stay inside the product.
 * This strips them from letter text and drops a citation that is nothing else; it also words a no-change
 * unit count right ("units 400 to 400" -> "units 400").
 */
public final class PublicText {
    private static final Pattern[] INTERNAL = {
            Pattern.compile("\\[\\s*S-[^\\]]*\\]"),
            Pattern.compile("\\bS-[A-Z0-9][A-Z0-9-]*\\b"),
            Pattern.compile("\\bNOTES\\s*(?:section\\s*)?\\d+(?:\\.\\d+)*(?:\\s*#\\s*\\d+)?(?:\\s*\\([A-Z ]+\\))?"),
            Pattern.compile("\\bNOTES\\b"),
            Pattern.compile("(?i)\\bproduct decisions?(?:\\s*#?\\s*\\d+(?:\\s*(?:-|\\u2013|,|and)\\s*\\d+)*)?"),
            Pattern.compile("(?i)\\bSEED-\\d+(?:'s)?"),
            Pattern.compile("\\b(?:NOT VERIFIED|VERIFIED|BELIEVED)\\b"),
    };
    private static final Pattern SAME_UNITS = Pattern.compile("\\bunits (\\d+(?:\\.\\d+)?) to \\1\\b");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*[;,:]*\\s*\\)|\\[\\s*[;,:]*\\s*\\]");

    private PublicText() { }

    /** The text without internal references (null stays null). */
    public static String strip(String text) {
        if (text == null) return null;
        String s = text;
        for (Pattern p : INTERNAL) s = p.matcher(s).replaceAll("");
        s = SAME_UNITS.matcher(s).replaceAll("units $1");
        String before;
        do {
            before = s;
            s = EMPTY_BRACKETS.matcher(s).replaceAll("");
            s = s.replaceAll("\\(\\s*[;,:]\\s*", "(").replaceAll("\\s*[;,:]\\s*\\)", ")");
        } while (!s.equals(before));
        s = s.replaceAll("\\s*([;,])(\\s*[;,])+", "$1").replaceAll("\\s+([.,;:)])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
        s = s.replaceAll("^[;,:\\s]+", "").replaceAll("[;,:\\s]+$", "");
        return s;
    }

    /** Citations a payer may read: each stripped, the ones that were internal references only left out. */
    public static List<String> citations(List<String> citations) {
        List<String> out = new ArrayList<>();
        for (String c : citations) {
            for (String part : c.split(";")) {
                String s = strip(part);
                if (!s.isEmpty() && s.chars().anyMatch(Character::isLetterOrDigit) && !out.contains(s)) out.add(s);
            }
        }
        return out;
    }

    /** True when {@code text} still names an internal reference (the tests' and the template check's guard). */
    public static boolean hasInternalReference(String text) {
        if (text == null) return false;
        for (Pattern p : INTERNAL) if (p.matcher(text).find()) return true;
        return SAME_UNITS.matcher(text).find();
    }
}
