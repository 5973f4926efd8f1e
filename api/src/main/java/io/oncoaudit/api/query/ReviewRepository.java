package io.oncoaudit.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The review list of issue 13: encounters holding a drug the recoder could not classify (the audit's
 * {@code unclassified_drugs_json}, contract section 4): no confident finding was made on its administration, so a
 * person reviews it. Newest first; the encounter filters of {@link FindingFilter} (run, payer, provider, dates, claim).
 */
@ApplicationScoped
public class ReviewRepository {
    private static final String HAS_DRUGS = " AND f.unclassified_drugs_json IS NOT NULL AND f.unclassified_drugs_json <> '[]'";

    private final AgroalDataSource ds;
    private final ObjectMapper json;

    public ReviewRepository(AgroalDataSource ds, ObjectMapper json) {
        this.ds = ds;
        this.json = json;
    }

    @Schema(description = "A drug the recoder could not classify")
    public record Drug(@Schema(description = "the administration record it was given in") String administrationId,
                       @Schema(description = "the HCPCS code", example = "J9999") String drugCode,
                       @Schema(description = "the drug's name when the code is known") String drugName,
                       @Schema(description = "the NDC billed on the claim's line of that code, if any", example = "00069-0315-01") String ndc,
                       @Schema(description = "why it could not be classified") String reason) { }

    @Schema(description = "An encounter with unclassified drugs, for review")
    public record Item(String runId, String claimId, LocalDate dateOfService, String payerId, String payerName,
                       String billingNpi, String providerName, String placeOfService, List<Drug> drugs) { }

    @Schema(description = "One page of the review list")
    public record Page(List<Item> items, int page, int size, long total,
                       @Schema(description = "the next page, null on the last") Integer nextPage) { }

    public Page unclassifiedDrugs(FindingFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM encounters f JOIN runs r ON r.id = f.run_pk WHERE TRUE");
        List<Object> params = new ArrayList<>();
        filter.where(where, params);
        where.append(HAS_DRUGS);
        String sql = "SELECT r.run_id, f.claim_id, f.date_of_service, f.payer_id, f.payer_name, f.billing_npi, f.provider_name,"
                + " f.place_of_service, f.unclassified_drugs_json, f.billed_lines_json" + where
                + " ORDER BY f.date_of_service DESC, f.claim_id, f.run_pk LIMIT " + (size + 1) + " OFFSET " + ((long) page * size);
        List<Item> items = new ArrayList<>();
        boolean more = false;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == size) {
                            more = true;
                            break;
                        }
                        items.add(new Item(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                drugs(rs.getString(9), rs.getString(10))));
                    }
                }
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where)) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new Page(items, page, size, total, more ? page + 1 : null);
        } catch (SQLException e) {
            throw new IllegalStateException("unclassified drugs query failed: " + e.getMessage(), e);
        }
    }

    /** The entries of unclassifiedDrugs, each with the NDC of the billed line of its code (the first that has one). */
    private List<Drug> drugs(String unclassified, String billedLines) {
        JsonNode drugs = parse(unclassified), lines = parse(billedLines);
        List<Drug> out = new ArrayList<>();
        if (!drugs.isArray()) return out;
        for (JsonNode d : drugs) {
            String code = text(d, "drugCode");
            String ndc = null;
            if (code != null && lines.isArray()) {
                for (JsonNode l : lines) {
                    if (code.equals(text(l, "procedureCode")) && text(l, "ndc") != null) {
                        ndc = text(l, "ndc");
                        break;
                    }
                }
            }
            out.add(new Drug(text(d, "administrationId"), code, text(d, "drugName"), ndc, text(d, "reason")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) return json.createArrayNode();
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createArrayNode();
        }
    }
}
