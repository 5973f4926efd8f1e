package io.oncoaudit.api.query;

/** Removes a patient id from free text shown to callers without patient-level access (issue 5, finance role). */
public final class Redaction {
    public static final String MARK = "[patient]";

    private Redaction() { }

    public static String scrub(String text, String patientId) {
        if (text == null || patientId == null || patientId.isEmpty()) return text;
        return text.replace(patientId, MARK);
    }
}
