package io.oncoaudit.api.appeals.letter;

/**
 * Escapes extract text for the letters' XHTML. Everything that comes from a claim extract or a user
 * (names, ids, explanations, appeal text) goes through here before it is placed in a template, so a
 * value can never open a tag, end an attribute or inject markup. Characters XML 1.0 forbids (control
 * characters other than tab and line breaks, lone surrogates) are dropped: the PDF renderer parses XML.
 */
public final class Html {
    private Html() { }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return true;
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) return false;
        return !Character.isSurrogate(c);
    }
}
