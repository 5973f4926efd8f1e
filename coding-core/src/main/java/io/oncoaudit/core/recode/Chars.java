package io.oncoaudit.core.recode;

/** Allocation-free character-class checks for the validator's hot path (no regex per encounter). */
final class Chars {
    private Chars() { }

    /** {@link Character#isWhitespace} (what {@link String#strip()} removes), printable ASCII decided without the Unicode tables. */
    static boolean whitespace(char c) {
        return c > ' ' && c < 0x7f ? false : Character.isWhitespace(c);
    }

    static boolean digits(String s, int min, int max) {
        if (s == null || s.length() < min || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    static boolean alnum(String s, int min, int max) {
        if (s == null || s.length() < min || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
        }
        return true;
    }

    /** ICD-10-CM shape: a letter, a digit, then 1-5 alphanumerics; one optional dot after the category. */
    static boolean icd10(String raw) {
        if (raw == null) return false;
        String s = raw.trim();
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i != 3) return false;
                continue;
            }
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            boolean digit = c >= '0' && c <= '9';
            if (n == 0 && !letter) return false;
            if (n == 1 && !digit) return false;
            if (!letter && !digit) return false;
            n++;
        }
        return n >= 3 && n <= 7;
    }
}
