package io.oncoaudit.api.appeals.letter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.appeals.deadline.DeadlineCalculator;
import io.oncoaudit.api.appeals.letter.LetterData.BilledLine;
import io.oncoaudit.api.appeals.letter.LetterData.CorrectedLine;
import io.oncoaudit.api.appeals.letter.LetterData.LetterFinding;
import io.oncoaudit.api.query.Redaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the letters need for a campaign's claims: the encounter (billed and expected lines) from the
 * claim's run and the campaign's findings, in batches of claims so a large packet streams in bounded memory.
 */
@ApplicationScoped
public class LetterSource {
    private static final int BATCH = 200;

    private final AgroalDataSource ds;
    private final ObjectMapper json;
    private final LinePricer pricer;
    private final DeadlineCalculator deadlines;

    public LetterSource(AgroalDataSource ds, ObjectMapper json, LinePricer pricer, DeadlineCalculator deadlines) {
        this.ds = ds;
        this.json = json;
        this.pricer = pricer;
        this.deadlines = deadlines;
    }

    public interface LetterConsumer {
        void accept(LetterData letter) throws IOException;
    }

    /** The campaign's claim ids in claim id order (one claim when {@code claimId} is given and in the campaign). */
    public List<String> claimIds(long campaignId, String claimId) {
        List<String> ids = new ArrayList<>();
        String sql = "SELECT claim_id FROM appeal_claims WHERE campaign_id = ?" + (claimId == null ? "" : " AND claim_id = ?")
                + " ORDER BY claim_id";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, campaignId);
            if (claimId != null) ps.setString(2, claimId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("letter query failed: " + e.getMessage(), e);
        }
        return ids;
    }

    public void forEach(long campaignId, String campaignName, List<String> claimIds, boolean patientLevel, LocalDate today,
                        LetterConsumer consumer) throws IOException {
        for (int i = 0; i < claimIds.size(); i += BATCH) {
            List<String> batch = claimIds.subList(i, Math.min(claimIds.size(), i + BATCH));
            for (LetterData d : load(campaignId, campaignName, batch, patientLevel, today)) consumer.accept(d);
        }
    }

    private List<LetterData> load(long campaignId, String campaignName, List<String> claimIds, boolean patientLevel, LocalDate today) {
        Map<String, List<Object[]>> findingRows = new HashMap<>();
        Map<String, LetterData> out = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            Array ids = c.createArrayOf("text", claimIds.toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.claim_id, f.finding_index, f.line_number, f.kind, f.rule_id, f.billed_code, f.expected_code,
                           f.billed_units, f.expected_units, f.direction, f.amount, f.explanation, f.citations, f.appeal_text,
                           f.patient_id, f.rendering_npi, f.place_of_service, f.expected_value
                    FROM appeal_claim_findings a
                    JOIN findings f ON f.claim_id = a.claim_id AND f.run_pk = a.run_pk AND f.finding_index = a.finding_index
                    WHERE a.campaign_id = ? AND a.claim_id = ANY (?) ORDER BY f.claim_id, f.finding_index""")) {
                ps.setLong(1, campaignId);
                ps.setArray(2, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[18];
                        for (int k = 0; k < row.length; k++) row[k] = rs.getObject(k + 1);
                        findingRows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.claim_id, r.run_id, c.payer_id, coalesce(e.payer_name, c.payer_name), c.billing_npi,
                           coalesce(e.provider_name, c.provider_name), e.rendering_npi, e.patient_id, c.date_of_service,
                           e.place_of_service, e.diagnosis_codes, e.billed_lines_json, e.expected_lines_json,
                           c.determination_date, e.claim_id IS NOT NULL, e.member_id, e.patient_name, e.payer_claim_number,
                           e.administrations_json, e.claim_type, e.bill_type
                    FROM appeal_claims c JOIN runs r ON r.id = c.run_pk
                    LEFT JOIN encounters e ON e.claim_id = c.claim_id AND e.run_pk = c.run_pk
                    WHERE c.campaign_id = ? AND c.claim_id = ANY (?)""")) {
                ps.setLong(1, campaignId);
                ps.setArray(2, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String claimId = rs.getString(1);
                        List<Object[]> fs = findingRows.getOrDefault(claimId, List.of());
                        Object[] first = fs.isEmpty() ? null : fs.get(0);
                        String patient = rs.getString(8) != null ? rs.getString(8) : first == null ? null : (String) first[14];
                        String rendering = rs.getString(7) != null ? rs.getString(7) : first == null ? null : (String) first[15];
                        String pos = rs.getString(10) != null ? rs.getString(10) : first == null ? null : (String) first[16];
                        LocalDate dos = rs.getObject(9, LocalDate.class);
                        String payer = rs.getString(3);
                        String scrub = patientLevel ? null : patient;
                        List<BilledLine> billed = billedLines(rs.getString(12));
                        List<LetterFinding> findings = new ArrayList<>();
                        for (Object[] f : fs) findings.add(finding(f, scrub, billed));
                        findings = LetterData.capped(findings);
                        List<CorrectedLine> corrected = correctedLines(rs.getString(13), billed, payer, pos, dos);
                        out.put(claimId, new LetterData(campaignId, campaignName, today, claimId, rs.getString(2),
                                patientLevel ? patient : null, dos, pos, strings(parse(rs.getString(11)), scrub),
                                rs.getString(6), rs.getString(5), rendering, payer, rs.getString(4), rs.getBoolean(15),
                                billed, corrected, findings,
                                deadlines.compute(payer, dos, rs.getObject(14, LocalDate.class), today, directions(findings),
                                        claimForm(rs.getString(20))),
                                new LetterData.Beneficiary(patientLevel ? rs.getString(16) : null, patientLevel ? rs.getString(17) : null,
                                        rs.getString(18)), rs.getString(19), rs.getString(20), rs.getString(21)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("letter query failed: " + e.getMessage(), e);
        }
        return new ArrayList<>(out.values());
    }

    /** The claim form whose routes apply: the extract's claim_type, PROFESSIONAL when it has none (contract section 1). */
    public static String claimForm(String claimType) {
        return claimType == null || claimType.isBlank() ? "PROFESSIONAL" : claimType.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Directions of findings that move money, as {@code ClaimRow.directions()} counts them. */
    static java.util.Set<String> directions(List<LetterFinding> findings) {
        java.util.Set<String> d = new java.util.TreeSet<>();
        for (LetterFinding f : findings) if (f.amount() != null && f.amount().signum() > 0 && f.direction() != null) d.add(f.direction());
        return d;
    }

    private LetterFinding finding(Object[] f, String scrub, List<BilledLine> billed) {
        Integer line = (Integer) f[2];
        Integer expectedUnits = (Integer) f[8];
        BigDecimal lineValue = (BigDecimal) f[17];
        if (lineValue == null) lineValue = chargeBasis(billed, line, expectedUnits);
        return new LetterFinding((Integer) f[1], line, (String) f[3], (String) f[4], (String) f[5],
                (Integer) f[7], (String) f[6], expectedUnits, (String) f[9], (BigDecimal) f[10],
                Redaction.scrub((String) f[11], scrub), strings(parse((String) f[12]), scrub), Redaction.scrub((String) f[13], scrub),
                lineValue, (BigDecimal) f[10]);
    }

    /**
     * The corrected line's charge basis when the run did not price it (runs loaded before the findings carried their
     * pricing): the billed line's charge per unit x the expected units (contract section 10); null when unknown.
     * CampaignRepository computes the same figure in SQL.
     */
    static BigDecimal chargeBasis(List<BilledLine> billed, Integer lineNumber, Integer expectedUnits) {
        if (lineNumber == null || expectedUnits == null) return null;
        for (BilledLine b : billed) {
            if (b.lineNumber() == lineNumber && b.chargeAmount() != null && b.units() != null && b.units().signum() > 0) {
                return b.chargeAmount().multiply(BigDecimal.valueOf(expectedUnits)).divide(b.units(), 2, RoundingMode.HALF_EVEN);
            }
        }
        return null;
    }

    private List<BilledLine> billedLines(String text) {
        List<BilledLine> out = new ArrayList<>();
        JsonNode lines = parse(text);
        for (JsonNode l : lines) {
            out.add(new BilledLine(l.path("lineNumber").asInt(), l.path("procedureCode").asText(null), strings(l.path("modifiers"), null),
                    decimal(l.get("units")), l.path("ndc").asText(null), decimal(l.get("chargeAmount")),
                    decimal(l.get("allowedAmount")), decimal(l.get("paidAmount")), strings(l.path("adjustmentReasonCodes"), null),
                    strings(l.path("remarkCodes"), null)));
        }
        return out;
    }

    /**
     * The replacement claim's lines: every expected line (a frequency-7 claim replaces the whole claim,
     * NOTES 5.3), the NDC and charge carried over from a billed line of the same code, the charge scaled
     * to the corrected units; a code that was not billed gets the fee-schedule amount as its charge.
     */
    private List<CorrectedLine> correctedLines(String text, List<BilledLine> billed, String payer, String pos, LocalDate dos) {
        List<CorrectedLine> out = new ArrayList<>();
        List<BilledLine> unmatched = new ArrayList<>(billed);
        int n = 1;
        for (JsonNode l : parse(text)) {
            String code = l.path("procedureCode").asText(null);
            int units = l.path("units").asInt();
            List<String> mods = strings(l.path("modifiers"), null);
            BilledLine same = billed.stream().filter(b -> code != null && code.equals(b.procedureCode())).findFirst().orElse(null);
            BilledLine twin = unmatched.stream().filter(b -> sameLine(b, code, units, mods)).findFirst().orElse(null);
            boolean identical = twin != null && unmatched.remove(twin);
            BigDecimal fee = dos == null || code == null ? null : pricer.price(payer, code, pos, dos, units);
            BigDecimal charge = null;
            boolean fromBill = false;
            if (same != null && same.chargeAmount() != null && same.units() != null && same.units().signum() > 0) {
                charge = same.chargeAmount().divide(same.units(), 10, RoundingMode.HALF_EVEN)
                        .multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_EVEN);
                fromBill = true;
            } else if (fee != null) {
                charge = fee;
            }
            out.add(new CorrectedLine(n++, code, mods, units, same == null ? null : same.ndc(), fee, charge, fromBill, !identical));
        }
        return out;
    }

    private static boolean sameLine(BilledLine b, String code, int units, List<String> modifiers) {
        return code != null && code.equals(b.procedureCode()) && b.units() != null
                && b.units().compareTo(BigDecimal.valueOf(units)) == 0
                && new java.util.TreeSet<>(b.modifiers()).equals(new java.util.TreeSet<>(modifiers));
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) return json.createArrayNode();
        try {
            JsonNode n = json.readTree(text);
            return n.isArray() ? n : json.createArrayNode();
        } catch (IOException e) {
            return json.createArrayNode();
        }
    }

    private static List<String> strings(JsonNode arr, String scrub) {
        List<String> out = new ArrayList<>();
        if (arr != null && arr.isArray()) arr.forEach(v -> out.add(Redaction.scrub(v.asText(), scrub)));
        return out;
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        try {
            return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
