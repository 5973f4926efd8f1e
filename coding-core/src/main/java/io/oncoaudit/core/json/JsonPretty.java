package io.oncoaudit.core.json;

/**
 * Re-indents compact JSON for people (two spaces, one member per line, empty containers kept as {}
 * and []). Works on the text, so every writer gets it for free; the input must be valid JSON, as the
 * writers produce.
 */
public final class JsonPretty {
    private JsonPretty() { }

    public static String format(String json) {
        StringBuilder out = new StringBuilder(json.length() + json.length() / 2);
        int indent = 0;
        boolean inString = false;
        int n = json.length();
        for (int i = 0; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') out.append(json.charAt(++i));
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"':
                    inString = true;
                    out.append(c);
                    break;
                case '{':
                case '[': {
                    int j = i + 1;
                    while (j < n && isWs(json.charAt(j))) j++;
                    char close = c == '{' ? '}' : ']';
                    if (j < n && json.charAt(j) == close) {
                        out.append(c).append(close);
                        i = j;
                    } else {
                        out.append(c);
                        newline(out, ++indent);
                    }
                    break;
                }
                case '}':
                case ']':
                    newline(out, --indent);
                    out.append(c);
                    break;
                case ',':
                    out.append(c);
                    newline(out, indent);
                    break;
                case ':':
                    out.append(": ");
                    break;
                default:
                    if (!isWs(c)) out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isWs(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    private static void newline(StringBuilder out, int indent) {
        out.append('\n');
        for (int k = 0; k < indent; k++) out.append("  ");
    }
}
