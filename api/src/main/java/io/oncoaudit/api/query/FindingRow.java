package io.oncoaudit.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One finding with its encounter keys. {@code patientId} is null, and then absent from the JSON, for
 * callers without patient-level access (finance).
 */
@JsonPropertyOrder({"runId", "claimId", "findingIndex", "lineNumber", "patientId", "dateOfService", "serviceMonth",
        "payerId", "payerName", "billingNpi", "renderingNpi", "providerName", "placeOfService", "kind", "ruleId",
        "billedCode", "expectedCode", "billedUnits", "expectedUnits", "direction", "amount", "explanation",
        "citations", "appealText", "status", "statusReason", "statusBy", "statusAt", "pricing"})
public record FindingRow(String runId, String claimId, int findingIndex, Integer lineNumber,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String patientId,
                         LocalDate dateOfService, String serviceMonth, String payerId, String payerName,
                         String billingNpi, String renderingNpi, String providerName, String placeOfService,
                         String kind, String ruleId, String billedCode, String expectedCode,
                         Integer billedUnits, Integer expectedUnits, String direction, BigDecimal amount,
                         String explanation, JsonNode citations, String appealText, String status,
                         String statusReason, String statusBy, String statusAt,
                         // issue 14: how the amount was priced (null for a run without the pricing columns)
                         @JsonInclude(JsonInclude.Include.NON_NULL) PricingView pricing,
                         @JsonInclude(JsonInclude.Include.NON_NULL) FindingRemittance remittance) {
}
