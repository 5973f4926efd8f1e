package io.oncoaudit.core.tables.cms;

/**
 * National Drug Code spellings on claims: the HIPAA 11-digit form (5-4-2), written either as 11 digits or with two
 * hyphens as 5-4-2. The 10-digit FDA forms (4-4-2, 5-3-2, 5-4-1) are not accepted on a claim.
 */
public final class Ndc {
    private Ndc() { }

    /** The 11 digits of an NDC written as 11 digits or as 5-4-2 with hyphens; null for any other spelling. */
    public static String digits(String ndc) {
        if (ndc == null) return null;
        String s = ndc.strip();
        if (s.length() == 11 && allDigits(s, 0, 11)) return s;
        return fiveFourTwo(s);
    }

    /** The 11 digits of a 5-4-2 hyphenated NDC, else null. */
    static String fiveFourTwo(String s) {
        if (s == null) return null;
        s = s.strip();
        if (s.length() != 13 || s.charAt(5) != '-' || s.charAt(10) != '-') return null;
        if (!allDigits(s, 0, 5) || !allDigits(s, 6, 10) || !allDigits(s, 11, 13)) return null;
        return s.substring(0, 5) + s.substring(6, 10) + s.substring(11, 13);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** 12345678901 -> 12345-6789-01. */
    public static String hyphenated(String digits11) {
        return digits11.substring(0, 5) + "-" + digits11.substring(5, 9) + "-" + digits11.substring(9);
    }
}
