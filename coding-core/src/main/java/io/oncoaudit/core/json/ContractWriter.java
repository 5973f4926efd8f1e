package io.oncoaudit.core.json;

import static io.oncoaudit.core.json.JsonWriter.strings;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the contract shapes with their keys in contract order (sections 5 and 6) on a jackson-core generator. Money
 * in results is always two decimals; values echoed from an encounter are written exactly as they were read, so an
 * encounter round-trips. Required encounter fields are always written (null when absent); optional scalars are left
 * out when null, lists are always written.
 */
final class ContractWriter {
    private ContractWriter() { }

    static void result(JsonGenerator g, RecodeResult r) throws IOException {
        if (r.isError()) {
            error(g, r.claimId(), r.error());
            return;
        }
        g.writeStartObject();
        g.writeStringField("claimId", r.claimId());
        g.writeFieldName("expectedLines");
        expectedLines(g, r.expectedLines());
        g.writeFieldName("findings");
        findings(g, r.findings());
        money(g, "billedAmount", r.billedAmount());
        money(g, "expectedAmount", r.expectedAmount());
        money(g, "netImpact", r.netImpact());
        g.writeFieldName("warnings");
        strings(g, r.warnings());
        if (!r.unclassifiedDrugs().isEmpty()) {
            g.writeFieldName("unclassifiedDrugs");
            unclassifiedDrugs(g, r.unclassifiedDrugs());
        }
        g.writeEndObject();
    }

    static void unclassifiedDrugs(JsonGenerator g, List<UnclassifiedDrug> drugs) throws IOException {
        g.writeStartArray();
        for (UnclassifiedDrug u : drugs) {
            g.writeStartObject();
            g.writeStringField("administrationId", u.administrationId());
            g.writeStringField("drugCode", u.drugCode());
            optString(g, "drugName", u.drugName());
            g.writeStringField("reason", u.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The pricing detail of a finding (contract section 10), its non-null members only. */
    static void pricing(JsonGenerator g, FindingPricing p) throws IOException {
        g.writeStartObject();
        optNumber(g, "billedPrice", p.billedPrice());
        optNumber(g, "billedValue", p.billedValue());
        optNumber(g, "expectedPrice", p.expectedPrice());
        optNumber(g, "expectedChargeBasis", p.expectedChargeBasis());
        optNumber(g, "expectedValue", p.expectedValue());
        optString(g, "tableVersion", p.tableVersion());
        optString(g, "note", p.note());
        g.writeEndObject();
    }

    static void error(JsonGenerator g, String claimId, ValidationError e) throws IOException {
        g.writeStartObject();
        g.writeStringField("claimId", claimId);
        g.writeObjectFieldStart("error");
        g.writeStringField("field", e.field());
        g.writeStringField("message", e.message());
        g.writeEndObject();
        g.writeEndObject();
    }

    static void expectedLines(JsonGenerator g, List<ExpectedLine> lines) throws IOException {
        g.writeStartArray();
        for (ExpectedLine l : lines) {
            g.writeStartObject();
            g.writeStringField("procedureCode", l.procedureCode());
            g.writeNumberField("units", l.units());
            g.writeFieldName("modifiers");
            strings(g, l.modifiers());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void findings(JsonGenerator g, List<Finding> findings) throws IOException {
        g.writeStartArray();
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind() == null ? null : f.kind().name());
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("billedCode", f.billedCode());
            g.writeStringField("expectedCode", f.expectedCode());
            g.writeNumberField("billedUnits", f.billedUnits());
            g.writeNumberField("expectedUnits", f.expectedUnits());
            g.writeStringField("direction", f.direction() == null ? null : f.direction().name());
            money(g, "amount", f.amount());
            g.writeStringField("explanation", f.explanation());
            g.writeFieldName("citations");
            strings(g, f.citations());
            g.writeStringField("appealText", f.appealText());
            g.writeFieldName("lineNumber");
            if (f.lineNumber() == null) g.writeNull();
            else g.writeNumber(f.lineNumber().intValue());
            if (f.pricing() != null) {
                g.writeFieldName("pricing");
                pricing(g, f.pricing());
            }
            if (!f.details().isEmpty()) {
                g.writeObjectFieldStart("details");
                for (var e : f.details().entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Money with exactly two decimals (HALF_EVEN, as {@link Money#round}); null is 0.00. */
    private static void money(JsonGenerator g, String key, BigDecimal v) throws IOException {
        g.writeNumberField(key, Money.round(v));
    }

    static void encounter(JsonGenerator g, Encounter e) throws IOException {
        g.writeStartObject();
        g.writeStringField("claimId", e.claimId());
        g.writeStringField("patientId", e.patientId());
        g.writeFieldName("dateOfService");
        if (e.dateOfService() == null) g.writeNull();
        else g.writeString(date(new StringBuilder(10), e.dateOfService()).toString());
        g.writeStringField("billingNpi", e.billingNpi());
        optString(g, "renderingNpi", e.renderingNpi());
        optString(g, "providerName", e.providerName());
        g.writeStringField("payerId", e.payerId());
        optString(g, "payerName", e.payerName());
        g.writeStringField("placeOfService", e.placeOfService());
        g.writeFieldName("diagnosisCodes");
        strings(g, e.diagnosisCodes());
        g.writeFieldName("lines");
        lines(g, e.lines());
        g.writeFieldName("administrations");
        administrations(g, e.administrations());
        if (e.claimType() != ClaimType.PROFESSIONAL) optString(g, "claimType", e.claimType().name());
        optString(g, "billType", e.billType());
        optString(g, "memberId", e.memberId());
        optString(g, "patientName", e.patientName());
        optString(g, "payerClaimNumber", e.payerClaimNumber());
        g.writeEndObject();
    }

    static void lines(JsonGenerator g, List<ClaimLine> lines) throws IOException {
        g.writeStartArray();
        for (ClaimLine l : lines) {
            g.writeStartObject();
            g.writeNumberField("lineNumber", l.lineNumber());
            g.writeStringField("procedureCode", l.procedureCode());
            g.writeFieldName("modifiers");
            strings(g, l.modifiers());
            number(g, "units", l.units());
            optString(g, "ndc", l.ndc());
            number(g, "chargeAmount", l.chargeAmount());
            optNumber(g, "allowedAmount", l.allowedAmount());
            optNumber(g, "paidAmount", l.paidAmount());
            g.writeFieldName("adjustmentReasonCodes");
            strings(g, l.adjustmentReasonCodes());
            g.writeFieldName("remarkCodes");
            strings(g, l.remarkCodes());
            optString(g, "revenueCode", l.revenueCode());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void administrations(JsonGenerator g, List<Administration> admins) throws IOException {
        g.writeStartArray();
        for (Administration a : admins) {
            g.writeStartObject();
            g.writeStringField("administrationId", a.administrationId());
            g.writeStringField("drugCode", a.drugCode());
            optString(g, "drugName", a.drugName());
            number(g, "dose", a.dose());
            g.writeStringField("doseUnit", a.doseUnit() == null ? null : a.doseUnit().label());
            g.writeStringField("route", a.route() == null ? null : a.route().name());
            if (a.startTime() != null) g.writeStringField("startTime", timestamp(a.startTime()));
            if (a.endTime() != null) g.writeStringField("endTime", timestamp(a.endTime()));
            g.writeBooleanField("pump", a.pump());
            optNumber(g, "wasted", a.wasted());
            if (a.lesionCount() != null) g.writeNumberField("lesionCount", a.lesionCount().intValue());
            optString(g, "accessSite", a.accessSite());
            if (a.pumpOwner() != null) optString(g, "pumpOwner", a.pumpOwner().name());
            optString(g, "separateSiteReason", a.separateSiteReason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A number exactly as held (plain notation), or null. */
    private static void number(JsonGenerator g, String key, BigDecimal v) throws IOException {
        g.writeFieldName(key);
        if (v == null) g.writeNull();
        else g.writeNumber(v);
    }

    private static void optString(JsonGenerator g, String key, String v) throws IOException {
        if (v != null) g.writeStringField(key, v);
    }

    private static void optNumber(JsonGenerator g, String key, BigDecimal v) throws IOException {
        if (v != null) g.writeNumberField(key, v);
    }

    /** YYYY-MM-DDTHH:MM:SS, always with seconds and never a fraction (contract section 1). */
    private static String timestamp(LocalDateTime t) {
        StringBuilder sb = date(new StringBuilder(19), t.toLocalDate()).append('T');
        pad2(sb, t.getHour()).append(':');
        pad2(sb, t.getMinute()).append(':');
        return pad2(sb, t.getSecond()).toString();
    }

    private static StringBuilder date(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        if (y >= 0 && y < 10000) {
            if (y < 1000) sb.append('0');
            if (y < 100) sb.append('0');
            if (y < 10) sb.append('0');
            sb.append(y).append('-');
            pad2(sb, d.getMonthValue()).append('-');
            return pad2(sb, d.getDayOfMonth());
        }
        return sb.append(d); // outside YYYY: ISO's signed form, which the reader will reject, as it should
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }
}
