package io.oncoaudit.api.appeals.letter;

import io.oncoaudit.api.appeals.AppealsConfig;
import io.oncoaudit.api.appeals.PracticeConfig;
import io.oncoaudit.api.appeals.letter.LetterData.BilledLine;
import io.oncoaudit.api.appeals.letter.LetterData.CorrectedLine;
import io.oncoaudit.api.appeals.letter.LetterData.LetterFinding;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a claim's {@link LetterData} into the XHTML of its appeal letter with the payer's Qute template
 * ({@link LetterTemplates}): the data is a {@link LetterView} named {@code letter}; Qute escapes every value it writes
 * (the template's variant is text/html), so a name holding {@code <} or {@code &} stays text. The built-in template
 * {@code templates/appeals/letter.html} is checked against {@link LetterView} when the application is built; a
 * template edited at run time is checked by {@link #check(String)} before it is stored.
 */
@ApplicationScoped
public class LetterComposer {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    /** The name under which templates read the letter. */
    public static final String DATA = "letter";
    static final Variant XHTML = Variant.forContentType(Variant.TEXT_HTML);

    private final LetterTemplates templates;
    private final LinePricer pricer;
    private final AppealsConfig config;
    private final PracticeConfig practice;
    private final Engine engine;

    public LetterComposer(LetterTemplates templates, LinePricer pricer, AppealsConfig config, PracticeConfig practice, Engine engine) {
        this.practice = practice;
        this.templates = templates;
        this.pricer = pricer;
        this.config = config;
        this.engine = engine;
    }

    public String compose(LetterData d) {
        return compose(d, List.of());
    }

    /** The letter, its enclosure list naming also {@code moreEnclosures} (files of the packet, e.g. the remittance lines). */
    public String compose(LetterData d, List<String> moreEnclosures) {
        LetterTemplates.Template t = templates.forPayer(d.payerId());
        return "built-in".equals(t.source()) ? builtIn().data(DATA, view(d, moreEnclosures)).render() : render(t.body(), d, moreEnclosures);
    }

    /** The letter with this template text (Qute); IllegalArgumentException("template: ... line N ...") when it is broken. */
    public String compose(String template, LetterData d) {
        return render(template, d, List.of());
    }

    private String render(String template, LetterData d, List<String> moreEnclosures) {
        Template t = parse(template);
        try {
            return t.data(DATA, view(d, moreEnclosures)).render();
        } catch (TemplateException e) {
            throw new IllegalArgumentException("template: " + describe(e), e);
        }
    }

    private Template builtIn() {
        Template t = engine.getTemplate(LetterTemplates.BUILT_IN_ID);
        if (t == null) throw new IllegalStateException("the built-in letter template " + LetterTemplates.BUILT_IN_ID + " is missing");
        return t;
    }

    /** The members a template may read as {@code letter.<name>}. */
    public static List<String> fields() {
        return Arrays.stream(LetterView.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    /** Block templates a template may include ({@code {#include appeals/blocks/<name> /}}). */
    public static final List<String> BLOCKS = List.of("introduction", "billedLinesTable", "correctedLinesTable", "findingsSection",
            "overpaymentNote", "enclosures");

    /**
     * Checks an edited template before it is stored: it parses, and every {@code letter.<name>} it reads is a member of
     * {@link LetterView}; IllegalArgumentException("template: ... line N ...") naming the first fault. (Rendering sample
     * letters then finds an unknown name in a loop or the data map, with its line too.)
     */
    public void check(String template) {
        String legacy = LegacyPlaceholders.first(template);
        if (legacy != null) throw new IllegalArgumentException("template: " + legacy);
        Template t = parse(template);
        Set<String> known = Set.copyOf(fields());
        for (Expression e : t.getExpressions()) {
            List<Expression.Part> parts = e.getParts();
            if (parts.size() >= 2 && DATA.equals(parts.get(0).getName()) && !known.contains(parts.get(1).getName())) {
                throw new IllegalArgumentException("template: line " + e.getOrigin().getLine() + ": {" + e.toOriginalString()
                        + "}: the letter has no field '" + parts.get(1).getName() + "'; use one of " + String.join(", ", fields()));
            }
        }
    }

    private Template parse(String template) {
        if (template == null || template.isBlank()) throw new IllegalArgumentException("template: is empty");
        try {
            return engine.parse(template, XHTML, "appeal-template-" + Integer.toHexString(template.hashCode()));
        } catch (TemplateException e) {
            throw new IllegalArgumentException("template: " + describe(e), e);
        }
    }

    /** "line 3: Property "claimNo" not found on the base object ..." */
    static String describe(TemplateException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = e.getOrigin() != null ? "line " + e.getOrigin().getLine() + ": " : "";
        return msg.contains("line ") ? msg : line + msg;
    }

    /** The letter's values, worded for the payer. */
    public LetterView view(LetterData d) {
        return view(d, List.of());
    }

    LetterView view(LetterData d, List<String> moreEnclosures) {
        LetterRoute route = LetterRoute.of(d);
        boolean money = asksForMoney(d);
        String practiceName = practice.legalName().filter(v -> !v.isBlank()).orElse(orDash(d.providerName()));
        String signer = practice.signature().name().or(() -> config.signature().filter(s -> !s.isBlank()))
                .orElse(missing("signer", "oncoaudit.practice.signature.name"));
        LetterData.Beneficiary b = d.beneficiary() == null ? LetterData.Beneficiary.NONE : d.beneficiary();
        String withheld = "withheld (no patient-level access)";
        String memberId = d.patientId() == null ? withheld
                : b.memberId() != null ? b.memberId() : missing("member id", "the extract's member_id column");
        String patientName = d.patientId() == null ? withheld
                : b.patientName() != null ? b.patientName() : missing("beneficiary name", "the extract's patient_name column");
        String payerClaim = b.payerClaimNumber() != null ? b.payerClaimNumber()
                : missing("payer claim number (ICN/DCN)", "the extract's payer_claim_number column");
        String subject = money ? route.title(d.claimId()) : "Voluntary correction: claim " + d.claimId();
        String overpaymentNote = d.overpaymentAmount().signum() == 0 || !money ? ""
                : "The corrections also reduce billed services by " + money(d.overpaymentAmount())
                  + " (findings marked \u201cin the payer\u2019s favour\u201d below); we report these corrections voluntarily.";
        // only what the packet holds: its corrected-lines.csv carries this claim's lines, administrations-<claim>.csv the record
        List<String> enclosures = new ArrayList<>();
        enclosures.add("Corrected lines of claim " + d.claimId() + " (corrected-lines.csv of this packet)");
        if (PacketWriter.administrationRecord(d) != null) {
            enclosures.add("Medication administration record extract for " + str(d.dateOfService())
                    + ": drug, dose, route, start and stop times (administrations-" + PacketWriter.fileSafe(d.claimId()) + ".csv of this packet)");
        }
        enclosures.addAll(moreEnclosures);
        return new LetterView(d.letterDate().format(LONG_DATE), x(subject), route.label(), route.route(), money,
                x(practiceName), x(practice.address().map(a -> a.replace("|", ", ")).orElse(missing("address", "oncoaudit.practice.address"))),
                x(practice.phone().orElse(missing("phone", "oncoaudit.practice.phone"))),
                x(practice.tin().orElse(missing("TIN", "oncoaudit.practice.tin"))), x(practice.npi().orElse(orDash(d.billingNpi()))),
                x(practice.ptan().orElse(missing("PTAN", "oncoaudit.practice.ptan"))), x(signer),
                x(practice.signature().title().orElse("")), x(practice.signature().contact().orElse(practice.phone().orElse(""))), x(signer),
                x(orDash(d.billingNpi())), x(orDash(d.renderingNpi())), x(orDash(d.providerName())),
                x(d.payerName() != null ? d.payerName() : d.payerId()), x(d.payerId()), x(d.claimId()), x(d.claimId()), x(payerClaim),
                x(memberId), x(patientName), x(d.patientId() != null ? d.patientId() : withheld),
                d.dateOfService() == null ? "-" : d.dateOfService().toString(), x(orDash(d.placeOfService())),
                x(d.diagnosisCodes().isEmpty() ? "-" : String.join(", ", d.diagnosisCodes())), route.typeOfBill() == null ? "" : route.typeOfBill(),
                money(d.amountRequested()), money(d.overpaymentAmount()),
                money ? money(d.amountRequested()) + " requested" : money(d.overpaymentAmount()) + " reduction (correction in the payer\u2019s favour)",
                d.findings().size(), x(d.campaignName()), x(pricer.description()), x(introduction(d, route, money)), overpaymentNote,
                x(route.linesGo(d.claimId())), d.lineDetail(), billed(d), corrected(d), findings(d, route), enclosures.stream().map(LetterComposer::x).toList());
    }

    /** A letter asks for money unless every selected finding is in the payer's favour. */
    static boolean asksForMoney(LetterData d) {
        return d.amountRequested().signum() > 0 || d.overpaymentAmount().signum() == 0;
    }

    private static String introduction(LetterData d, LetterRoute route, boolean money) {
        String claim = d.claimId();
        String dos = str(d.dateOfService());
        int n = d.findings().size();
        if (money) {
            return "We request " + route.request(claim) + " for the date of service " + dos + ". The services were coded in a way"
                    + " that does not match the medication administration record; the " + n
                    + (n == 1 ? " correction below brings" : " corrections below bring")
                    + " the claim in line with the coding rules cited for each. The corrected lines are enclosed "
                    + route.linesGo(claim) + ". The corrections are worth " + money(d.amountRequested())
                    + ", never more than each corrected line can be paid.";
        }
        return "We report a correction to claim " + claim + " for the date of service " + dos + ". A review of the"
                + " medication administration record found services billed above what the documentation supports; the " + n
                + (n == 1 ? " correction below reduces" : " corrections below reduce") + " the claim by " + money(d.overpaymentAmount())
                + ". Please reprocess the claim with the corrected lines enclosed " + route.linesGo(claim)
                + " and adjust the payment accordingly.";
    }

    private static List<LetterView.BilledRow> billed(LetterData d) {
        List<LetterView.BilledRow> out = new ArrayList<>();
        for (BilledLine l : d.billedLines()) {
            out.add(new LetterView.BilledRow(l.lineNumber(), x(l.procedureCode()), x(String.join(" ", l.modifiers())),
                    l.units() == null ? "" : l.units().stripTrailingZeros().toPlainString(), money(l.chargeAmount()),
                    money(l.allowedAmount()), money(l.paidAmount()), x(String.join(" ", l.adjustmentReasonCodes()))));
        }
        return out;
    }

    private List<LetterView.CorrectedRow> corrected(LetterData d) {
        List<LetterView.CorrectedRow> out = new ArrayList<>();
        for (CorrectedLine l : d.correctedLines()) {
            out.add(new LetterView.CorrectedRow(l.lineNumber(), x(l.procedureCode()), x(String.join(" ", l.modifiers())), l.units(),
                    x(l.ndc()), money(l.feeScheduleAmount()), money(payable(l, LetterRoute.INSTITUTIONAL.equalsIgnoreCase(d.claimType()), d.findings())),
                    l.changed()));
        }
        return out;
    }

    /**
     * What a corrected line can be paid: its fee-schedule amount, limited to its charge under the built-in CMS default on a
     * professional claim (the lesser of charge and price, contract section 10), and to the value its findings were capped at.
     */
    BigDecimal payable(CorrectedLine l, boolean institutional, List<LetterFinding> findings) {
        BigDecimal fee = l.feeScheduleAmount();
        BigDecimal value = fee == null ? null
                : pricer.lesserOf() && !institutional && l.chargeFromBill() && l.chargeAmount() != null ? fee.min(l.chargeAmount()) : fee;
        // the value the findings on this line were capped at (the audit's priced value, else the replaced line's charge basis)
        for (LetterFinding f : findings) {
            if (f.lineValue() != null && l.procedureCode() != null && l.procedureCode().equals(f.expectedCode())) {
                value = value == null ? f.lineValue() : value.min(f.lineValue());
            }
        }
        return value;
    }

    private static List<LetterView.FindingRow> findings(LetterData d, LetterRoute route) {
        List<LetterView.FindingRow> out = new ArrayList<>();
        int n = 1;
        for (LetterFinding f : d.findings()) {
            boolean payersFavour = "OVERPAYMENT".equals(f.direction());
            BigDecimal asked = payersFavour ? f.amount() : f.requested();
            // a payer reads public authorities only: the product's internal references are stripped (PublicText)
            out.add(new LetterView.FindingRow(n++, x(kindLabel(f.kind())), payersFavour, x(codeUnits(f.billedCode(), f.billedUnits())),
                    x(codeUnits(f.expectedCode(), f.expectedUnits())), money(asked),
                    x(PublicText.strip(f.explanation())), x(route.reword(PublicText.strip(f.appealText()))),
                    PublicText.citations(f.citations()).stream().map(LetterComposer::x).collect(Collectors.toList()),
                    x(f.ruleId()), f.lineNumber()));
        }
        return out;
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

    /**
     * Extract text as XML 1.0 allows it (the PDF renderer parses the letter as XML): control characters other than tab
     * and line breaks, U+FFFE/U+FFFF and lone surrogates are dropped. Escaping is Qute's.
     */
    static String x(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) b.append(c).append(s.charAt(i + 1));
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c));
            if (!ok && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            else if (ok && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    private static String str(Object o) { return o == null ? "" : o.toString(); }

    private static String orDash(String s) { return s == null || s.isBlank() ? "-" : s; }
}
