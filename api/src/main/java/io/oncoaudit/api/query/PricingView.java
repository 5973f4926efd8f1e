package io.oncoaudit.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a finding's amount was priced (contract section 10; the audit's FindingPricing, Flyway V30): the price per
 * unit and value of the billed and the expected line, the expected line's charge basis and where it comes from,
 * whether the value is the charge (lesser of charge and price), the reference tables used and a note (why a
 * COMPLIANCE finding moves no money). Null on a finding of a run written before the pricing columns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "How the finding's amount was priced (contract section 10)")
public record PricingView(
        @Schema(description = "fee-schedule price per unit of the billed code") BigDecimal billedPrice,
        @Schema(description = "billed units") Integer billedUnits,
        @Schema(description = "value of the billed line: the lesser of its charge and price x units (built-in CMS default)") BigDecimal billedValue,
        @Schema(description = "fee-schedule price per unit of the expected code") BigDecimal expectedPrice,
        @Schema(description = "expected units") Integer expectedUnits,
        @Schema(description = "charge basis of the expected line (the lesser-of rule's charge)") BigDecimal chargeBasis,
        @Schema(description = "where the charge basis comes from") String chargeBasisSource,
        @Schema(description = "value of the expected line: the lesser of its charge basis and price x units") BigDecimal expectedValue,
        @Schema(description = "true when the expected value is the charge basis, below price x units (lesser of)") Boolean chargeLimited,
        @Schema(description = "the reference tables used, as the audit wrote them", example = "PFS 2025 October; ASP 2025-10") String tableVersion,
        @Schema(description = "the same, one entry per table") List<String> tableVersions,
        @Schema(description = "why the finding moves the money it moves, e.g. why a COMPLIANCE finding moves none") String note) {

    /** Without a charge master the expected line's charge is the billed line's, per unit. */
    public static final String BILLED_CHARGE = "billed line's charge per unit x expected units";
    /** With a charge master (audit --charge-master) its charge is used for the codes it lists. */
    public static final String CHARGE_MASTER = "charge master x expected units (codes it lists; else the billed line's charge per unit)";

    /** The SQL columns read by {@link #read}, on alias f, then whether the run used a charge master. */
    static final String COLUMNS = "f.billed_price, f.billed_value, f.expected_price, f.expected_charge_basis, f.expected_value,"
            + " f.table_version, f.pricing_note, (r.manifest -> 'tableVersions' -> 'charge master') IS NOT NULL";

    /** The pricing at result-set column {@code at} (the {@link #COLUMNS}); null when the run has none. */
    static PricingView read(ResultSet rs, int at, Integer billedUnits, Integer expectedUnits) throws SQLException {
        BigDecimal bp = rs.getBigDecimal(at), bv = rs.getBigDecimal(at + 1), ep = rs.getBigDecimal(at + 2),
                cb = rs.getBigDecimal(at + 3), ev = rs.getBigDecimal(at + 4);
        String version = rs.getString(at + 5), note = rs.getString(at + 6);
        boolean master = rs.getBoolean(at + 7);
        if (bp == null && bv == null && ep == null && cb == null && ev == null && version == null && note == null) return null;
        Boolean limited = null;
        if (cb != null && ev != null && ep != null && expectedUnits != null) {
            BigDecimal full = ep.multiply(BigDecimal.valueOf(expectedUnits)).setScale(2, RoundingMode.HALF_EVEN);
            limited = cb.compareTo(full) < 0 && ev.compareTo(cb) == 0;
        }
        List<String> versions = version == null ? null
                : Arrays.stream(version.split(";")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        return new PricingView(strip(bp), billedUnits, bv, strip(ep), expectedUnits, cb,
                cb == null ? null : master ? CHARGE_MASTER : BILLED_CHARGE, ev, limited, version, versions, note);
    }

    /** A price per unit as CMS publishes it (3 decimals, more when the schedule has them), not numeric(18,6)'s zeros. */
    private static BigDecimal strip(BigDecimal price) {
        if (price == null) return null;
        BigDecimal s = price.stripTrailingZeros();
        return s.scale() < 2 ? price.setScale(2, RoundingMode.UNNECESSARY) : s;
    }
}
