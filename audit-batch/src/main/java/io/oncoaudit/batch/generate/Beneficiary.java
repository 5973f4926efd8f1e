package io.oncoaudit.batch.generate;

import java.util.List;

/**
 * Synthetic beneficiary identifiers for generated claims (contract section 1: member_id, patient_name,
 * payer_claim_number), derived from the patient and claim ids so that they are stable and draw nothing from the
 * generator's random stream (the rest of a seeded extract is unchanged). None belongs to a real person: the names come
 * from short lists of common words, the Medicare member id follows the MBI character layout with a leading "9" no
 * real MBI series uses here, and the payer claim number is the 835's CLP07 of the same claim ("ICN" + claim id).
 */
final class Beneficiary {
    private Beneficiary() { }

    private static final List<String> LAST = List.of("ALDER", "BIRCH", "CEDAR", "DOGWOOD", "ELM", "FIR", "HAWTHORN", "JUNIPER",
            "LARCH", "MAPLE", "OAK", "PINE", "ROWAN", "SPRUCE", "WILLOW", "YEW");
    private static final List<String> FIRST = List.of("ALEX", "BLAIR", "CASEY", "DANA", "EMERY", "FRANCIS", "GRAY", "HAYDEN",
            "JORDAN", "KELLY", "LEE", "MORGAN", "NOEL", "PAT", "QUINN", "ROBIN", "SAGE", "TAYLOR");
    /** MBI letters: A-Z without S, L, O, I, B and Z (CMS MBI format). */
    private static final String LETTERS = "ACDEFGHJKMNPQRTUVWXY";

    static String name(String patientId) {
        int h = Math.floorMod(patientId.hashCode(), LAST.size() * FIRST.size());
        return LAST.get(h % LAST.size()) + ", " + FIRST.get(h / LAST.size() % FIRST.size());
    }

    /** Medicare: an 11-character MBI-shaped id; other payers: "W" + 9 digits. */
    static String memberId(String payerId, String patientId) {
        long h = Math.floorMod((long) patientId.hashCode() * 2_654_435_761L, 1L << 40);
        if (!"MEDICARE".equals(payerId)) return String.format(java.util.Locale.ROOT, "W%09d", h % 1_000_000_000L);
        // positions: 1 digit 1-9, 2 letter, 3 letter/digit, 4 digit, 5 letter, 6 letter/digit, 7 digit, 8-9 letters, 10-11 digits
        StringBuilder b = new StringBuilder(11).append('9');
        b.append(letter(h)); h /= 20;
        b.append(h % 2 == 0 ? letter(h / 2) : (char) ('0' + h / 2 % 10)); h /= 40;
        b.append((char) ('0' + h % 10)); h /= 10;
        b.append(letter(h)); h /= 20;
        b.append((char) ('0' + h % 10)); h /= 10;
        b.append((char) ('0' + h % 10)); h /= 10;
        b.append(letter(h)); h /= 20;
        b.append(letter(h)); h /= 20;
        b.append((char) ('0' + h % 10)); h /= 10;
        b.append((char) ('0' + h % 10));
        return b.toString();
    }

    private static char letter(long h) { return LETTERS.charAt((int) (h % LETTERS.length())); }

    static String payerClaimNumber(String claimId) { return "ICN" + claimId; }
}
