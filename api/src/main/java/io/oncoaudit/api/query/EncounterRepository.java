package io.oncoaudit.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One audited encounter with its evidence (issue 5): billed and expected lines side by side, the
 * administrations with their times, and the findings with explanation, citations and appeal text.
 * Patient-level: only for auditors.
 */
@ApplicationScoped
public class EncounterRepository {
    private final AgroalDataSource ds;
    private final ObjectMapper json;
    private final FindingsRepository findings;
    @jakarta.inject.Inject
    io.oncoaudit.api.remits.RemitsRepository remits;

    public EncounterRepository(AgroalDataSource ds, ObjectMapper json, FindingsRepository findings) {
        this.ds = ds;
        this.json = json;
        this.findings = findings;
    }

    /** The encounter in the given run, or in the newest run holding the claim. */
    public Optional<ObjectNode> find(String claimId, String runId) {
        String sql = """
                SELECT e.run_pk, r.run_id, e.claim_id, e.patient_id, e.date_of_service, e.service_month, e.billing_npi,
                       e.rendering_npi, e.provider_name, e.payer_id, e.payer_name, e.place_of_service, e.diagnosis_codes,
                       e.line_count, e.administration_count, e.finding_count, e.billed_amount, e.expected_amount,
                       e.net_impact, e.billed_lines_json, e.administrations_json, e.expected_lines_json, e.warnings_json
                FROM encounters e JOIN runs r ON r.id = e.run_pk
                WHERE e.claim_id = ?""" + (runId != null ? " AND r.run_id = ?" : "") + " ORDER BY e.run_pk DESC LIMIT 1";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, claimId);
            if (runId != null) ps.setString(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                ObjectNode n = json.createObjectNode();
                long runPk = rs.getLong(1);
                n.put("runId", rs.getString(2));
                n.put("claimId", rs.getString(3));
                n.put("patientId", rs.getString(4));
                n.put("dateOfService", rs.getString(5));
                n.put("serviceMonth", rs.getString(6));
                n.put("billingNpi", rs.getString(7));
                n.put("renderingNpi", rs.getString(8));
                n.put("providerName", rs.getString(9));
                n.put("payerId", rs.getString(10));
                n.put("payerName", rs.getString(11));
                n.put("placeOfService", rs.getString(12));
                n.set("diagnosisCodes", parse(rs.getString(13)));
                n.put("lineCount", (Integer) rs.getObject(14));
                n.put("administrationCount", (Integer) rs.getObject(15));
                n.put("findingCount", (Integer) rs.getObject(16));
                n.put("billedAmount", rs.getBigDecimal(17));
                n.put("expectedAmount", rs.getBigDecimal(18));
                n.put("netImpact", rs.getBigDecimal(19));
                JsonNode billed = parse(rs.getString(20));
                JsonNode expected = parse(rs.getString(22));
                n.set("billedLines", billed);
                n.set("expectedLines", expected);
                n.set("lineComparison", compare(billed, expected));
                n.set("administrations", parse(rs.getString(21)));
                n.set("warnings", parse(rs.getString(23)));
                ArrayNode fs = n.putArray("findings");
                findings.stream(new FindingFilter(null, null, null, null, null, null, null, null, null, claimId), true,
                        row -> {
                            if (row.runId().equals(n.get("runId").asText())) fs.add(json.valueToTree(row));
                        });
                // issue 15: the payer's remittance lines beside the billed and expected lines (null: none loaded)
                n.set("remittance", remits.claim(runPk, claimId));
                return Optional.of(n);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("encounter query failed: " + e.getMessage(), e);
        }
    }

    /** Billed vs expected, one row per procedure code: the side-by-side view of the evidence. */
    private ArrayNode compare(JsonNode billed, JsonNode expected) {
        Map<String, ObjectNode> byCode = new LinkedHashMap<>();
        if (billed.isArray()) {
            for (JsonNode l : billed) {
                ObjectNode row = byCode.computeIfAbsent(l.path("procedureCode").asText(), this::comparisonRow);
                row.put("billedUnits", row.path("billedUnits").asDouble(0) + l.path("units").asDouble(0));
                row.withArray("billedLineNumbers").add(l.path("lineNumber"));
                if (l.has("modifiers")) row.set("billedModifiers", l.get("modifiers"));
            }
        }
        if (expected.isArray()) {
            for (JsonNode l : expected) {
                ObjectNode row = byCode.computeIfAbsent(l.path("procedureCode").asText(), this::comparisonRow);
                row.put("expectedUnits", row.path("expectedUnits").asInt(0) + l.path("units").asInt(0));
                if (l.has("modifiers")) row.set("expectedModifiers", l.get("modifiers"));
            }
        }
        ArrayNode out = json.createArrayNode();
        for (ObjectNode row : byCode.values()) {
            double b = row.path("billedUnits").asDouble(0);
            int e = row.path("expectedUnits").asInt(0);
            row.put("match", b == e && row.path("billedModifiers").equals(row.path("expectedModifiers")));
            out.add(row);
        }
        return out;
    }

    private ObjectNode comparisonRow(String code) {
        ObjectNode row = json.createObjectNode();
        row.put("procedureCode", code);
        row.put("billedUnits", 0);
        row.put("expectedUnits", 0);
        row.putArray("billedLineNumbers");
        return row;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) return json.createArrayNode();
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
