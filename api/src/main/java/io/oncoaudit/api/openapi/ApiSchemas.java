package io.oncoaudit.api.openapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response shapes of the operations whose Java method answers a map, a JSON tree or a {@code Response}: the OpenAPI
 * document ({@code /q/openapi}) names them as schemas so every operation documents what it returns. Each record is
 * the JSON written by its endpoint (fields absent when they do not apply); the endpoints keep building their own
 * objects, these records only describe them.
 */
public final class ApiSchemas {
    private ApiSchemas() { }

    @Schema(name = "Me", description = "the signed-in user")
    public record Me(@Schema(example = "alice") String username,
                     @Schema(example = "[\"auditor\"]", enumeration = {"auditor", "finance", "admin"}) List<String> roles) { }

    @Schema(name = "Session", description = "the dashboard session's user")
    public record Session(@Schema(example = "alice") String username, List<String> roles) { }

    @Schema(name = "Run", description = "a loaded audit run; the detail also holds its manifest and summary")
    public record Run(@Schema(example = "a35aaffc27368ed8d6a101a49c03eb99") String runId, String fingerprint, String sourceDir,
                      String loadedAt, String loadedBy, long findings, long encounters, Long loadMillis,
                      @Schema(description = "the table versions the run's prices come from (manifest tableVersions: version -> source); {} for a run written before them") Map<String, Object> tableVersions,
                      @Schema(description = "the date the tables were chosen as of (audit --tables-as-of), else null") String tablesAsOf,
                      @Schema(description = "detail only: the run's manifest.json") Map<String, Object> manifest,
                      @Schema(description = "detail only: the run's summary.json") Map<String, Object> summary) { }

    @Schema(name = "LoadResult", description = "what a load did (as the load command prints it)")
    public record LoadResult(String runId, String fingerprint, boolean alreadyLoaded, long findings, long encounters, long millis) { }

    @Schema(name = "Encounter", description = "one audited encounter: billed and expected lines, administrations, findings")
    public record Encounter(@Schema(example = "C-000123") String claimId, String runId, String patientId,
                            @Schema(example = "2026-03-02") LocalDate dateOfService, @Schema(example = "MEDICARE") String payerId,
                            String payerName, @Schema(example = "1234567893") String billingNpi, String renderingNpi,
                            String providerName, @Schema(example = "11") String placeOfService, List<String> diagnosisCodes,
                            List<Map<String, Object>> billedLines, List<Map<String, Object>> expectedLines,
                            List<Map<String, Object>> lineComparison, List<Map<String, Object>> administrations,
                            List<Map<String, Object>> findings) { }

    @Schema(name = "SummaryRow", description = "one row of GET /api/summary?by=...: the grouping's own fields, then the findings "
            + "and the money of each direction apart (amount: a kind's or code's money moved in either direction, never a sum to recover)")
    public record SummaryRow(@Schema(example = "MEDICARE") String payerId, String billingNpi, String providerName,
                             @Schema(example = "DRUG_UNITS") String kind, @Schema(example = "2026-02") String month,
                             String billedCode, String expectedCode, String drugCode, String drugName, long findings,
                             @Schema(example = "1250.40") BigDecimal underpayment, BigDecimal overpayment, BigDecimal denial,
                             BigDecimal amount) { }

    @Schema(name = "ClaimSummaryPage", description = "GET /api/summary?by=claim: one row per claim, a page")
    public record ClaimSummaryPage(List<Map<String, Object>> items, int page, int size, long total) { }

    @Schema(name = "Overview", description = "GET /api/summary without by: totals, the deadline-adjusted recoverable amount and the breakdowns")
    public record Overview(long findings, long claims, BigDecimal underpayment, BigDecimal overpayment, BigDecimal denial,
                           Map<String, Object> recoverable, List<SummaryRow> byPayer, List<SummaryRow> byProvider,
                           List<SummaryRow> byKind) { }

    @Schema(name = "StatusChanged", description = "a finding's review status after the change")
    public record StatusChanged(String runId, String claimId, int findingIndex,
                                @Schema(enumeration = {"OPEN", "ACCEPTED", "DISMISSED"}) String status, String reason) { }

    @Schema(name = "RecodeResult", description = "coding-core's result for one encounter (an array of them for an array in)")
    public record RecodeResult(String claimId, List<Map<String, Object>> expectedLines, List<Map<String, Object>> findings,
                               List<String> warnings) { }

    @Schema(name = "CampaignCreated", description = "the new campaign (201; Location: /api/campaigns/{id})")
    public record CampaignCreated(long id, String name, String owner, Map<String, Object> filter, int claims,
                                  @Schema(example = "1830.25") BigDecimal amount, BigDecimal claimed, BigDecimal recoverable,
                                  int pastDeadlineClaims, LocalDate nextDeadline) { }

    @Schema(name = "BulkTransition", description = "many claims moved at once: how many changed, and each refusal")
    public record BulkTransition(@Schema(enumeration = {"draft", "ready", "submitted", "won", "partially_won", "lost", "withdrawn"})
                                 String state, int changed, List<Refusal> refused) { }

    @Schema(name = "Refusal")
    public record Refusal(String claimId, String detail) { }

    @Schema(name = "TemplateList", description = "the letter templates: the engine, the fields a template reads, the includable blocks, the payers with their own")
    public record TemplateList(@Schema(name = "default", example = "built-in") String defaultTemplate, @Schema(example = "qute") String engine,
                               @Schema(example = "[\"letter.claimId\"]") List<String> fields,
                               @Schema(example = "[\"appeals/blocks/findingsSection\"]") List<String> blocks,
                               List<TemplateSource> overrides) { }

    @Schema(name = "TemplateSource")
    public record TemplateSource(@Schema(example = "MEDICARE") String payerId,
                                 @Schema(enumeration = {"database", "folder", "built-in"}) String source, String updatedBy, String updatedAt) { }

    @Schema(name = "TemplateSaved")
    public record TemplateSaved(@Schema(example = "MEDICARE") String payerId, @Schema(enumeration = {"database"}) String source) { }

    @Schema(name = "Problem", description = "RFC 7807 problem+json; field names the parameter or body field at fault")
    public record Problem(String type, String title, int status, String detail, String field) { }
}
