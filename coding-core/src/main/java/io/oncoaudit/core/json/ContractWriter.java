package io.oncoaudit.core.json;

import static io.oncoaudit.core.json.JsonWriter.key;
import static io.oncoaudit.core.json.JsonWriter.number;
import static io.oncoaudit.core.json.JsonWriter.string;
import static io.oncoaudit.core.json.JsonWriter.strings;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.UnclassifiedDrug;
import io.oncoaudit.core.model.ValidationError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the contract shapes with their keys in contract order (sections 5 and 6). Money in results is
 * always two decimals; values echoed from an encounter are written exactly as they were read, so an
 * encounter round-trips. Required encounter fields are always written (null when absent); optional
 * scalars are left out when null, lists are always written.
 */
final class ContractWriter {
    private ContractWriter() { }

    static StringBuilder result(StringBuilder sb, RecodeResult r) {
        if (r.isError()) return error(sb, r.claimId(), r.error());
        key(sb.append('{'), "claimId", true);
        string(sb, r.claimId());
        key(sb, "expectedLines", false);
        expectedLines(sb, r.expectedLines());
        key(sb, "findings", false);
        findings(sb, r.findings());
        key(sb, "billedAmount", false);
        money(sb, r.billedAmount());
        key(sb, "expectedAmount", false);
        money(sb, r.expectedAmount());
        key(sb, "netImpact", false);
        money(sb, r.netImpact());
        key(sb, "warnings", false);
        strings(sb, r.warnings());
        if (!r.unclassifiedDrugs().isEmpty()) unclassifiedDrugs(key(sb, "unclassifiedDrugs", false), r.unclassifiedDrugs());
        return sb.append('}');
    }

    static StringBuilder unclassifiedDrugs(StringBuilder sb, List<UnclassifiedDrug> drugs) {
        sb.append('[');
        for (int i = 0; i < drugs.size(); i++) {
            if (i > 0) sb.append(',');
            UnclassifiedDrug u = drugs.get(i);
            key(sb.append('{'), "administrationId", true);
            string(sb, u.administrationId());
            key(sb, "drugCode", false);
            string(sb, u.drugCode());
            optString(sb, "drugName", u.drugName());
            key(sb, "reason", false);
            string(sb, u.reason());
            sb.append('}');
        }
        return sb.append(']');
    }

    /** The pricing detail of a finding (contract section 10), its non-null members only. */
    static StringBuilder pricing(StringBuilder sb, FindingPricing p) {
        sb.append('{');
        boolean first = true;
        first = member(sb, first, "billedPrice", p.billedPrice());
        first = member(sb, first, "billedValue", p.billedValue());
        first = member(sb, first, "expectedPrice", p.expectedPrice());
        first = member(sb, first, "expectedChargeBasis", p.expectedChargeBasis());
        first = member(sb, first, "expectedValue", p.expectedValue());
        if (p.tableVersion() != null) {
            string(key(sb, "tableVersion", first), p.tableVersion());
            first = false;
        }
        if (p.note() != null) string(key(sb, "note", first), p.note());
        return sb.append('}');
    }

    private static boolean member(StringBuilder sb, boolean first, String k, BigDecimal v) {
        if (v == null) return first;
        number(key(sb, k, first), v);
        return false;
    }

    static StringBuilder error(StringBuilder sb, String claimId, ValidationError e) {
        key(sb.append('{'), "claimId", true);
        string(sb, claimId);
        key(sb, "error", false);
        key(sb.append('{'), "field", true);
        string(sb, e.field());
        key(sb, "message", false);
        string(sb, e.message());
        return sb.append("}}");
    }

    static StringBuilder expectedLines(StringBuilder sb, List<ExpectedLine> lines) {
        sb.append('[');
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) sb.append(',');
            ExpectedLine l = lines.get(i);
            key(sb.append('{'), "procedureCode", true);
            string(sb, l.procedureCode());
            key(sb, "units", false).append(l.units());
            key(sb, "modifiers", false);
            strings(sb, l.modifiers()).append('}');
        }
        return sb.append(']');
    }

    static StringBuilder findings(StringBuilder sb, List<Finding> findings) {
        sb.append('[');
        for (int i = 0; i < findings.size(); i++) {
            if (i > 0) sb.append(',');
            Finding f = findings.get(i);
            key(sb.append('{'), "kind", true);
            string(sb, f.kind() == null ? null : f.kind().name());
            key(sb, "ruleId", false);
            string(sb, f.ruleId());
            key(sb, "billedCode", false);
            string(sb, f.billedCode());
            key(sb, "expectedCode", false);
            string(sb, f.expectedCode());
            key(sb, "billedUnits", false).append(f.billedUnits());
            key(sb, "expectedUnits", false).append(f.expectedUnits());
            key(sb, "direction", false);
            string(sb, f.direction() == null ? null : f.direction().name());
            key(sb, "amount", false);
            money(sb, f.amount());
            key(sb, "explanation", false);
            string(sb, f.explanation());
            key(sb, "citations", false);
            strings(sb, f.citations());
            key(sb, "appealText", false);
            string(sb, f.appealText());
            key(sb, "lineNumber", false);
            if (f.lineNumber() == null) sb.append("null");
            else sb.append(f.lineNumber().intValue());
            if (f.pricing() != null) pricing(key(sb, "pricing", false), f.pricing());
            if (!f.details().isEmpty()) {
                key(sb, "details", false).append('{');
                boolean first = true;
                for (var e : f.details().entrySet()) {
                    string(key(sb, e.getKey(), first), e.getValue());
                    first = false;
                }
                sb.append('}');
            }
            sb.append('}');
        }
        return sb.append(']');
    }

    /** Money with exactly two decimals (HALF_EVEN, as {@link Money#round}); null is 0.00. */
    static StringBuilder money(StringBuilder sb, BigDecimal v) {
        return sb.append(Money.round(v).toPlainString());
    }

    static StringBuilder encounter(StringBuilder sb, Encounter e) {
        key(sb.append('{'), "claimId", true);
        string(sb, e.claimId());
        key(sb, "patientId", false);
        string(sb, e.patientId());
        key(sb, "dateOfService", false);
        date(sb, e.dateOfService());
        key(sb, "billingNpi", false);
        string(sb, e.billingNpi());
        optString(sb, "renderingNpi", e.renderingNpi());
        optString(sb, "providerName", e.providerName());
        key(sb, "payerId", false);
        string(sb, e.payerId());
        optString(sb, "payerName", e.payerName());
        key(sb, "placeOfService", false);
        string(sb, e.placeOfService());
        key(sb, "diagnosisCodes", false);
        strings(sb, e.diagnosisCodes());
        key(sb, "lines", false);
        lines(sb, e.lines());
        key(sb, "administrations", false);
        administrations(sb, e.administrations());
        if (e.claimType() != ClaimType.PROFESSIONAL) optString(sb, "claimType", e.claimType().name());
        optString(sb, "billType", e.billType());
        optString(sb, "memberId", e.memberId());
        optString(sb, "patientName", e.patientName());
        optString(sb, "payerClaimNumber", e.payerClaimNumber());
        return sb.append('}');
    }

    static StringBuilder lines(StringBuilder sb, List<ClaimLine> lines) {
        sb.append('[');
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) sb.append(',');
            ClaimLine l = lines.get(i);
            key(sb.append('{'), "lineNumber", true).append(l.lineNumber());
            key(sb, "procedureCode", false);
            string(sb, l.procedureCode());
            key(sb, "modifiers", false);
            strings(sb, l.modifiers());
            key(sb, "units", false);
            number(sb, l.units());
            optString(sb, "ndc", l.ndc());
            key(sb, "chargeAmount", false);
            number(sb, l.chargeAmount());
            optNumber(sb, "allowedAmount", l.allowedAmount());
            optNumber(sb, "paidAmount", l.paidAmount());
            key(sb, "adjustmentReasonCodes", false);
            strings(sb, l.adjustmentReasonCodes());
            key(sb, "remarkCodes", false);
            strings(sb, l.remarkCodes());
            optString(sb, "revenueCode", l.revenueCode());
            sb.append('}');
        }
        return sb.append(']');
    }

    static StringBuilder administrations(StringBuilder sb, List<Administration> admins) {
        sb.append('[');
        for (int i = 0; i < admins.size(); i++) {
            if (i > 0) sb.append(',');
            Administration a = admins.get(i);
            key(sb.append('{'), "administrationId", true);
            string(sb, a.administrationId());
            key(sb, "drugCode", false);
            string(sb, a.drugCode());
            optString(sb, "drugName", a.drugName());
            key(sb, "dose", false);
            number(sb, a.dose());
            key(sb, "doseUnit", false);
            string(sb, a.doseUnit() == null ? null : a.doseUnit().label());
            key(sb, "route", false);
            string(sb, a.route() == null ? null : a.route().name());
            if (a.startTime() != null) timestamp(key(sb, "startTime", false), a.startTime());
            if (a.endTime() != null) timestamp(key(sb, "endTime", false), a.endTime());
            key(sb, "pump", false).append(a.pump());
            optNumber(sb, "wasted", a.wasted());
            if (a.lesionCount() != null) key(sb, "lesionCount", false).append(a.lesionCount().intValue());
            optString(sb, "accessSite", a.accessSite());
            if (a.pumpOwner() != null) optString(sb, "pumpOwner", a.pumpOwner().name());
            optString(sb, "separateSiteReason", a.separateSiteReason());
            sb.append('}');
        }
        return sb.append(']');
    }

    private static void optString(StringBuilder sb, String key, String v) {
        if (v != null) string(key(sb, key, false), v);
    }

    private static void optNumber(StringBuilder sb, String key, BigDecimal v) {
        if (v != null) number(key(sb, key, false), v);
    }

    private static void date(StringBuilder sb, LocalDate d) {
        if (d == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        datePart(sb, d);
        sb.append('"');
    }

    /** YYYY-MM-DDTHH:MM:SS, always with seconds and never a fraction (contract section 1). */
    private static void timestamp(StringBuilder sb, LocalDateTime t) {
        sb.append('"');
        datePart(sb, t.toLocalDate());
        sb.append('T');
        pad2(sb, t.getHour()).append(':');
        pad2(sb, t.getMinute()).append(':');
        pad2(sb, t.getSecond()).append('"');
    }

    private static void datePart(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        if (y >= 0 && y < 10000) {
            if (y < 1000) sb.append('0');
            if (y < 100) sb.append('0');
            if (y < 10) sb.append('0');
            sb.append(y).append('-');
            pad2(sb, d.getMonthValue()).append('-');
            pad2(sb, d.getDayOfMonth());
        } else {
            sb.append(d); // outside YYYY: ISO's signed form, which the reader will reject, as it should
        }
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }
}
