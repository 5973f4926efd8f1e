package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.KnownValues;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The findings filters (contract section 8: payerId, billingNpi, kind, from, to; plus runId, direction,
 * minAmount, maxAmount and claimId), one parser for every endpoint that lists, sums or exports findings:
 * GET /api/findings, /api/findings/export.csv|xlsx, /api/summary, /api/summary/export.xlsx. A payer or
 * kind that no loaded run knows is a 400 listing the known values.
 */
public class FindingsQuery {
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "one loaded run (its run id or fingerprint)", example = "a35aaffc27368ed8d6a101a49c03eb99")
    @QueryParam("runId") String runId;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "a payer id of the loaded runs (unknown: 400 listing the known ones)", example = "MEDICARE")
    @QueryParam("payerId") String payerId;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "the billing provider", example = "1234567893")
    @QueryParam("billingNpi") String billingNpi;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "a finding kind (unknown: 400 listing the known ones)", example = "DRUG_UNITS")
    @QueryParam("kind") String kind;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "the way the money moves", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"UNDERPAYMENT", "OVERPAYMENT", "DENIAL", "COMPLIANCE"}), example = "UNDERPAYMENT")
    @QueryParam("direction") String direction;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "first date of service, inclusive", example = "2026-01-01")
    @QueryParam("from") String from;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "last date of service, inclusive", example = "2026-03-31")
    @QueryParam("to") String to;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "smallest finding amount", example = "10.00")
    @QueryParam("minAmount") String minAmount;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "largest finding amount", example = "5000.00")
    @QueryParam("maxAmount") String maxAmount;
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "one claim", example = "C-000123")
    @QueryParam("claimId") String claimId;
    @QueryParam("remitStatus") String remitStatus;
    @QueryParam("carc") String carc;

    /** The filter, syntax checked only. */
    FindingFilter filter() {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        Params.range("from", f, "to", t);
        BigDecimal min = Params.amount("minAmount", minAmount);
        BigDecimal max = Params.amount("maxAmount", maxAmount);
        Params.range("minAmount", min, "maxAmount", max);
        return new FindingFilter(Params.text(runId), Params.text(payerId), Params.text(billingNpi), Params.kind(kind),
                Params.direction(direction), f, t, min, max, Params.text(claimId), remitStatus(remitStatus), carc(carc));
    }

    /** The filter, with its payer and kind checked against the loaded values. */
    FindingFilter filter(KnownValues known) {
        FindingFilter filter = filter();
        check("payerId", filter.payerId(), known.payersFor(filter.payerId()), "payer");
        check("kind", filter.kind(), known.kindsFor(filter.kind()), "finding kind");
        if (filter.carc() != null && !known.carcKnown(filter.carc())) {
            Set<String> carcs = known.carcsFor(filter.carc());
            if (!known.carcKnown(filter.carc())) {
                throw ProblemException.badRequest("carc", "carc '" + filter.carc() + "' is on no loaded remittance line; known values: "
                        + (carcs.isEmpty() ? "none (no remittances are loaded)" : String.join(", ", carcs)));
            }
        }
        return filter;
    }

    /** remitStatus: one of the remittance line statuses (a 400 listing them otherwise). */
    static String remitStatus(String value) {
        String v = Params.text(value);
        if (v == null) return null;
        v = v.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        check("remitStatus", v, KnownValues.REMIT_STATUSES, "remittance status");
        return v;
    }

    /** carc: "CO-16" (CAS group and reason code) or "16" (any group); upper case. */
    static String carc(String value) {
        String v = Params.text(value);
        if (v == null) return null;
        v = v.toUpperCase(java.util.Locale.ROOT);
        if (!v.matches("([A-Z]{2}-)?[A-Z0-9]{1,5}")) {
            throw ProblemException.badRequest("carc", "carc must be a claim adjustment reason code such as 16, or with its group CO-16, got '"
                    + value + "'");
        }
        return v;
    }

    static void check(String name, String value, Set<String> known, String what) {
        if (value == null || known.contains(value)) return;
        throw ProblemException.badRequest(name, name + " '" + value + "' is not a known " + what + "; known values: "
                + (known.isEmpty() ? "none (no findings are loaded)" : String.join(", ", known)));
    }
}
