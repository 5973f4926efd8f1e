package io.oncoaudit.api.appeals.letter;

import java.util.Locale;

/**
 * How a claim's correction goes back to its payer, decided once per claim so the letter's title, its body, its
 * enclosures and the {@code corrected-lines.csv} rows all name the same route:
 * <ul>
 * <li>{@link Kind#RESUBMIT}: the claim was returned as unprocessable (remark code MA130, with CO-16): no initial
 *     determination exists, so there is nothing to appeal; the corrected claim goes out as a new claim (frequency 1).</li>
 * <li>{@link Kind#REOPENING}: Medicare, a clerical coding error, within one year of the initial determination
 *     (42 CFR 405.980(a)(3) and (b)(1); CMS Pub 100-04 Ch.34 &sect;10.6.2). A Medicare Part B professional claim is
 *     never replaced with frequency code 7: its lines go with the reopening request.</li>
 * <li>{@link Kind#REDETERMINATION}: Medicare, after a denial, within 120 days of receipt of the initial determination
 *     (42 CFR 405.942; CMS Pub 100-04 Ch.29 &sect;310.2).</li>
 * <li>{@link Kind#CORRECTED_CLAIM}: a replacement claim where the payer takes them: a hospital's institutional
 *     outpatient claim (type of bill 13x) is replaced by type of bill 137 (frequency 7 = replacement of prior claim,
 *     CMS Pub 100-04 Ch.25 &sect;75.1, form locator 4), a commercial professional claim by claim frequency code 7.</li>
 * <li>{@link Kind#APPEAL}: the payer's own appeal, with the corrected lines enclosed.</li>
 * </ul>
 * The route name comes from the claim's deadline (the nearest route still open among those serving its findings and
 * claim type, {@code oncoaudit.appeals.deadlines.*}); this class words it and picks the claim form's codes.
 */
public record LetterRoute(Kind kind, String route, String label, String frequencyCode, String typeOfBill, boolean institutional) {

    public enum Kind { REOPENING, REDETERMINATION, CORRECTED_CLAIM, APPEAL, RESUBMIT }

    public static final String INSTITUTIONAL = "INSTITUTIONAL";

    /** Payers whose professional claims are corrected by reopening, never by a frequency-7 replacement (Medicare Part B). */
    public static boolean medicare(String payerId) {
        return payerId != null && payerId.trim().equalsIgnoreCase("MEDICARE");
    }

    public static LetterRoute of(LetterData d) {
        boolean institutional = INSTITUTIONAL.equalsIgnoreCase(d.claimType());
        String tob = institutional ? replacementTypeOfBill(d.billType()) : null;
        if (d.unprocessable()) return new LetterRoute(Kind.RESUBMIT, "new-claim", "new claim", "1", institutional ? newTypeOfBill(d.billType()) : null, institutional);
        String name = d.deadline() == null || d.deadline().route() == null ? "appeal" : d.deadline().route().toLowerCase(Locale.ROOT);
        Kind kind = switch (name) {
            case "reopening" -> Kind.REOPENING;
            case "redetermination" -> Kind.REDETERMINATION;
            case "corrected-claim", "corrected_claim", "adjustment" -> Kind.CORRECTED_CLAIM;
            default -> Kind.APPEAL;
        };
        // never a frequency-7 replacement of a Medicare Part B professional claim, whatever a rule says
        if (kind == Kind.CORRECTED_CLAIM && medicare(d.payerId()) && !institutional) {
            kind = Kind.REOPENING;
            name = "reopening";
        }
        String frequency = switch (kind) {
            case CORRECTED_CLAIM -> "7";
            case REOPENING, REDETERMINATION -> ""; // the lines go with the request: no replacement claim beside it
            case APPEAL -> "7";
            case RESUBMIT -> "1";
        };
        String label = switch (kind) {
            case REOPENING -> "reopening";
            case REDETERMINATION -> "redetermination";
            case CORRECTED_CLAIM -> "corrected claim";
            case APPEAL -> "appeal";
            case RESUBMIT -> "new claim";
        };
        return new LetterRoute(kind, name, label, frequency, kind == Kind.CORRECTED_CLAIM || !medicare(d.payerId()) ? tob : null, institutional);
    }

    /** "Request for reopening: claim C1" / "Corrected claim (type of bill 137): claim C1". */
    public String title(String claimId) {
        return switch (kind) {
            case CORRECTED_CLAIM -> "Request for corrected claim processing ("
                    + (typeOfBill != null ? "type of bill " + typeOfBill : "claim frequency code 7") + "): claim " + claimId;
            case RESUBMIT -> "New claim (returned as unprocessable): claim " + claimId;
            default -> "Request for " + label + ": claim " + claimId;
        };
    }

    /** What the letter asks, in the body's words ("a reopening of claim C1 to correct a clerical coding error"). */
    public String request(String claimId) {
        return switch (kind) {
            case REOPENING -> "a reopening of claim " + claimId + " to correct a clerical coding error (42 CFR 405.980(a)(3))";
            case REDETERMINATION -> "a redetermination of the denial on claim " + claimId + " (42 CFR 405.942)";
            case CORRECTED_CLAIM -> "processing of the enclosed replacement of claim " + claimId
                    + (typeOfBill != null ? " as type of bill " + typeOfBill + " (replacement of prior claim)"
                            : " with claim frequency code 7 (replacement of prior claim)");
            case APPEAL -> "an appeal of the determination on claim " + claimId;
            case RESUBMIT -> "processing of claim " + claimId + " as a new claim";
        };
    }

    /** How the corrected lines travel: "with this reopening request" / "as the replacement of the original claim C1". */
    public String linesGo(String claimId) {
        return switch (kind) {
            case REOPENING -> "with this reopening request";
            case REDETERMINATION -> "with this redetermination request";
            case CORRECTED_CLAIM -> "as the replacement of the original claim " + claimId
                    + (typeOfBill != null ? " (type of bill " + typeOfBill + ")" : " (claim frequency code 7)");
            case APPEAL -> "with this appeal";
            case RESUBMIT -> "as a new claim";
        };
    }

    /** The submission note of the claim's corrected-lines.csv rows. */
    public String csvNote() {
        return switch (kind) {
            case RESUBMIT -> "returned as unprocessable (MA130): submit as a new claim (frequency code 1"
                    + (typeOfBill != null ? ", type of bill " + typeOfBill : "") + "); no appeal";
            case REOPENING -> !institutional
                    ? "Medicare Part B: not a replacement claim; send these lines with the reopening request (CMS Pub 100-04 Ch.34 \u00a710.6.2)"
                    : "send these lines with the reopening request";
            case REDETERMINATION -> !institutional
                    ? "Medicare Part B: not a replacement claim; send these lines with the redetermination request (42 CFR 405.942)"
                    : "send these lines with the redetermination request";
            case CORRECTED_CLAIM -> typeOfBill != null
                    ? "replacement claim: type of bill " + typeOfBill + " (CMS Pub 100-04 Ch.25 \u00a775.1)" : "";
            case APPEAL -> typeOfBill != null ? "replacement claim: type of bill " + typeOfBill : "";
        };
    }

    /**
     * The coding-core appeal text words its request for the usual Medicare route ("we request reopening", "we request
     * redetermination (or reopening for a clerical error)", "internal correction (voluntary refund or replacement
     * claim)"): here it names this claim's route, so the body never asks for another route than the title.
     */
    public String reword(String text) {
        if (text == null) return null;
        String noun = switch (kind) {
            case REOPENING -> "reopening";
            case REDETERMINATION -> "redetermination";
            case CORRECTED_CLAIM -> "corrected claim processing";
            case APPEAL -> "an appeal";
            case RESUBMIT -> "processing as a new claim";
        };
        String payersFavour = kind == Kind.CORRECTED_CLAIM ? "correction (replacement claim)" : "voluntary correction";
        return text.replaceAll("(?i)we request redetermination \\(or reopening for a clerical error\\)", "we request " + noun)
                .replaceAll("(?i)we request (reopening|redetermination)", "we request " + noun)
                .replaceAll("(?i)internal correction \\(voluntary refund or replacement claim\\)", payersFavour);
    }

    /**
     * The replacement's type of bill: the claim's facility and classification digits with frequency 7 (131 -> 137);
     * a hospital outpatient claim without a type of bill on file is 13x, so 137.
     */
    static String replacementTypeOfBill(String billType) {
        String digits = billType == null ? "" : billType.replaceAll("[^0-9A-Za-z]", "");
        if (digits.length() == 4 && digits.charAt(0) == '0') digits = digits.substring(1);
        return digits.length() >= 2 ? digits.substring(0, 2) + "7" : "137";
    }

    static String newTypeOfBill(String billType) {
        return replacementTypeOfBill(billType).substring(0, 2) + "1";
    }
}
