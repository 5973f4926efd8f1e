package io.oncoaudit.api.appeals.letter;

import io.oncoaudit.api.appeals.AppealsConfig;
import io.oncoaudit.api.appeals.deadline.DeadlineCalculator;
import io.oncoaudit.api.appeals.letter.LetterData.BilledLine;
import io.oncoaudit.api.appeals.letter.LetterData.CorrectedLine;
import io.oncoaudit.api.appeals.letter.LetterData.LetterFinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a claim's {@link LetterData} into the XHTML of its appeal letter with the payer's template. Every
 * value from the extract is escaped ({@link Html}); the blocks below are built from escaped values only.
 */
@ApplicationScoped
public class LetterComposer {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private final LetterTemplates templates;
    private final LinePricer pricer;
    private final AppealsConfig config;

    private final io.oncoaudit.api.appeals.PracticeConfig practice;

    public LetterComposer(LetterTemplates templates, LinePricer pricer, AppealsConfig config,
                          io.oncoaudit.api.appeals.PracticeConfig practice) {
        this.practice = practice;
        this.templates = templates;
        this.pricer = pricer;
        this.config = config;
    }

    public String compose(LetterData d) {
        return compose(templates.forPayer(d.payerId()).body(), d);
    }

    public String compose(String template, LetterData d) {
        return TemplateRenderer.render(template, scalars(d), blocks(d));
    }

    Map<String, String> scalars(LetterData d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("letterDate", d.letterDate().format(LONG_DATE));
        m.put("practiceName", practice.legalName().filter(v -> !v.isBlank()).orElse(orDash(d.providerName())));
        m.put("practiceAddress", practice.address().map(a -> a.replace("|", ", ")).orElse(missing("address", "oncoaudit.practice.address")));
        m.put("practicePhone", practice.phone().orElse(missing("phone", "oncoaudit.practice.phone")));
        m.put("practiceTin", practice.tin().orElse(missing("TIN", "oncoaudit.practice.tin")));
        m.put("practiceNpi", practice.npi().orElse(orDash(d.billingNpi())));
        m.put("practicePtan", practice.ptan().orElse(missing("PTAN", "oncoaudit.practice.ptan")));
        String signer = practice.signature().name().or(() -> config.signature().filter(s -> !s.isBlank()))
                .orElse(missing("signer", "oncoaudit.practice.signature.name"));
        m.put("signatureName", signer);
        m.put("signatureTitle", practice.signature().title().orElse(""));
        m.put("signatureContact", practice.signature().contact().orElse(practice.phone().orElse("")));
        m.put("billingNpi", orDash(d.billingNpi()));
        m.put("billingProviderName", orDash(d.providerName()));
        LetterData.Beneficiary b = d.beneficiary() == null ? LetterData.Beneficiary.NONE : d.beneficiary();
        String withheld = "withheld (no patient-level access)";
        m.put("memberId", d.patientId() == null ? withheld
                : b.memberId() != null ? b.memberId() : missing("member id", "the extract's member_id column"));
        m.put("patientName", d.patientId() == null ? withheld
                : b.patientName() != null ? b.patientName() : missing("beneficiary name", "the extract's patient_name column"));
        m.put("payerClaimNumber", b.payerClaimNumber() != null ? b.payerClaimNumber()
                : missing("payer claim number (ICN/DCN)", "the extract's payer_claim_number column"));
        m.put("renderingNpi", orDash(d.renderingNpi()));
        m.put("payerName", d.payerName() != null ? d.payerName() : d.payerId());
        m.put("payerId", d.payerId());
        m.put("claimId", d.claimId());
        m.put("originalClaimReference", d.claimId());
        m.put("patientId", d.patientId() != null ? d.patientId() : "withheld (no patient-level access)");
        m.put("dateOfService", d.dateOfService() == null ? "-" : d.dateOfService().toString());
        m.put("placeOfService", orDash(d.placeOfService()));
        m.put("diagnosisCodes", d.diagnosisCodes().isEmpty() ? "-" : String.join(", ", d.diagnosisCodes()));
        m.put("requestType", DeadlineCalculator.label(d.deadline().route()));
        m.put("amountRequested", money(d.amountRequested()));
        m.put("overpaymentAmount", money(d.overpaymentAmount()));
        m.put("findingCount", Integer.toString(d.findings().size()));
        m.put("campaignName", d.campaignName());
        m.put("signature", signer);
        m.put("feeSchedule", pricer.description());
        m.put("amountSummary", asksForMoney(d) ? money(d.amountRequested()) + " requested"
                : money(d.overpaymentAmount()) + " reduction (correction in the payer\u2019s favour)");
        m.put("subject", asksForMoney(d) ? "Request for " + DeadlineCalculator.label(d.deadline().route()) + ": claim " + d.claimId()
                : "Voluntary correction: claim " + d.claimId());
        return m;
    }

    Map<String, String> blocks(LetterData d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("introduction", introduction(d));
        m.put("billedLinesTable", billedTable(d));
        m.put("correctedLinesTable", correctedTable(d));
        m.put("findingsSection", findings(d));
        m.put("overpaymentNote", d.overpaymentAmount().signum() == 0 || !asksForMoney(d) ? ""
                : "<p class=\"note\">The corrected claim also reduces billed services by " + e(money(d.overpaymentAmount()))
                  + " (findings marked \u201cin the payer\u2019s favour\u201d below); we report these corrections voluntarily.</p>");
        // only what the packet holds: its corrected-lines.csv carries this claim's replacement lines
        boolean mar = PacketWriter.administrationRecord(d) != null;
        m.put("enclosures", "<ul><li>Corrected claim lines for claim " + e(d.claimId())
                + " (corrected-lines.csv of this packet)</li>"
                + (mar ? "<li>Medication administration record extract for " + e(str(d.dateOfService()))
                        + ": drug, dose, route, start and stop times (administrations-" + e(PacketWriter.fileSafe(d.claimId()))
                        + ".csv of this packet)</li>" : "")
                + "</ul>");
        return m;
    }

    /** A letter asks for money unless every selected finding is in the payer's favour. */
    static boolean asksForMoney(LetterData d) {
        return d.amountRequested().signum() > 0 || d.overpaymentAmount().signum() == 0;
    }

    private String introduction(LetterData d) {
        String claim = e(d.claimId());
        String dos = e(str(d.dateOfService()));
        int n = d.findings().size();
        if (asksForMoney(d)) {
            return "<p>We ask you to reprocess claim " + claim + " for the date of service " + dos + " by "
                    + e(DeadlineCalculator.label(d.deadline().route())) + ". The services were coded in a way that does not match"
                    + " the medication administration record; the " + n + (n == 1 ? " correction below brings" : " corrections below bring")
                    + " the claim in line with the coding rules cited for each. The corrected lines are enclosed"
                    + (CorrectedLinesCsv.correctsByReopening(d.payerId())
                        ? " with this " + e(DeadlineCalculator.label(d.deadline().route())) + " request for claim " + claim
                        : " as a replacement of the original claim " + claim) + ". The corrections are worth "
                    + e(money(d.amountRequested())) + " on the fee schedule.</p>";
        }
        return "<p>We report a correction to claim " + claim + " for the date of service " + dos + ". A review of the"
                + " medication administration record found services billed above what the documentation supports; the " + n
                + (n == 1 ? " correction below reduces" : " corrections below reduce") + " the claim by " + e(money(d.overpaymentAmount()))
                + ". Please reprocess the claim with the corrected lines enclosed ("
                + (CorrectedLinesCsv.correctsByReopening(d.payerId())
                        ? "with this " + e(DeadlineCalculator.label(d.deadline().route())) + " request for claim " : "a replacement of the original claim ")
                + claim + ") and adjust the payment accordingly.</p>";
    }

    private String billedTable(LetterData d) {
        if (!d.lineDetail()) return "<p class=\"note\">Line detail for this claim is not in the loaded audit run; see the findings below.</p>";
        StringBuilder b = new StringBuilder("<table class=\"lines\"><thead><tr><th>Line</th><th>Code</th><th>Modifiers</th>"
                + "<th class=\"num\">Units</th><th class=\"num\">Charge</th><th class=\"num\">Allowed</th><th class=\"num\">Paid</th>"
                + "<th>Adjustment</th></tr></thead><tbody>");
        for (BilledLine l : d.billedLines()) {
            b.append("<tr><td>").append(l.lineNumber()).append("</td><td>").append(e(l.procedureCode()))
                    .append("</td><td>").append(e(String.join(" ", l.modifiers())))
                    .append("</td><td class=\"num\">").append(e(l.units() == null ? "" : l.units().stripTrailingZeros().toPlainString()))
                    .append("</td><td class=\"num\">").append(e(money(l.chargeAmount())))
                    .append("</td><td class=\"num\">").append(e(money(l.allowedAmount())))
                    .append("</td><td class=\"num\">").append(e(money(l.paidAmount())))
                    .append("</td><td>").append(e(String.join(" ", l.adjustmentReasonCodes()))).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private String correctedTable(LetterData d) {
        if (!d.lineDetail()) return "<p class=\"note\">Corrected lines follow from the findings below.</p>";
        StringBuilder b = new StringBuilder("<table class=\"lines\"><thead><tr><th>Line</th><th>Code</th><th>Modifiers</th>"
                + "<th class=\"num\">Units</th><th>NDC</th><th class=\"num\">Fee schedule</th><th>Change</th></tr></thead><tbody>");
        for (CorrectedLine l : d.correctedLines()) {
            b.append(l.changed() ? "<tr class=\"changed\">" : "<tr>").append("<td>").append(l.lineNumber())
                    .append("</td><td>").append(e(l.procedureCode()))
                    .append("</td><td>").append(e(String.join(" ", l.modifiers())))
                    .append("</td><td class=\"num\">").append(l.units())
                    .append("</td><td>").append(e(l.ndc()))
                    .append("</td><td class=\"num\">").append(e(money(l.feeScheduleAmount())))
                    .append("</td><td>").append(l.changed() ? "corrected" : "as billed").append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private String findings(LetterData d) {
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (LetterFinding f : d.findings()) {
            boolean payersFavour = "OVERPAYMENT".equals(f.direction());
            b.append("<div class=\"finding\"><h3>").append(n++).append(". ").append(e(kindLabel(f.kind())))
                    .append(payersFavour ? " (in the payer\u2019s favour)" : "").append("</h3>")
                    .append("<table class=\"change\"><tr><th>Billed</th><td>").append(e(codeUnits(f.billedCode(), f.billedUnits())))
                    .append("</td><th>Corrected</th><td>").append(e(codeUnits(f.expectedCode(), f.expectedUnits())))
                    .append("</td><th>Amount</th><td class=\"num\">").append(e(money(f.amount())))
                    .append("</td></tr></table>");
            // a payer reads public authorities only: the product's internal references are stripped (PublicText)
            String why = PublicText.strip(f.explanation());
            if (why != null && !why.isBlank()) {
                b.append("<p><span class=\"label\">Why:</span> ").append(e(why)).append("</p>");
            }
            String appeal = PublicText.strip(f.appealText());
            if (appeal != null && !appeal.isBlank()) {
                b.append("<p class=\"appeal\">").append(e(appeal)).append("</p>");
            }
            List<String> authorities = PublicText.citations(f.citations());
            if (!authorities.isEmpty()) {
                b.append("<p class=\"label\">Authority:</p><ul class=\"citations\">");
                for (String c : authorities) b.append("<li>").append(e(c)).append("</li>");
                b.append("</ul>");
            }
            b.append("<p class=\"rule\">Rule ").append(e(f.ruleId())).append(f.lineNumber() == null ? "" : ", billed line " + f.lineNumber())
                    .append("</p></div>");
        }
        return b.toString();
    }

    static String kindLabel(String kind) {
        if (kind == null || kind.isEmpty()) return "Finding";
        String s = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Shown for a practice setting a letter needs but the configuration lacks (never guessed). */
    static String missing(String what, String key) {
        return "[missing " + what + ": set " + key + "]";
    }

    static String codeUnits(String code, Integer units) {
        if (code == null) return "not billed";
        return units == null ? code : code + " \u00d7 " + units;
    }

    public static String money(BigDecimal b) {
        if (b == null) return "";
        DecimalFormat f = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return b.signum() < 0 ? "-" + f.format(b.negate()) : f.format(b);
    }

    private static String e(String s) { return Html.escape(s); }

    private static String str(Object o) { return o == null ? "" : o.toString(); }

    private static String orDash(String s) { return s == null || s.isBlank() ? "-" : s; }

    static List<String> placeholders() { return List.copyOf(TemplateRenderer.SCALARS); }
}
