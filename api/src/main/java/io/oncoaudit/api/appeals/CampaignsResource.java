package io.oncoaudit.api.appeals;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.oncoaudit.api.appeals.campaign.CampaignFilter;
import io.oncoaudit.api.appeals.campaign.CampaignRow;
import io.oncoaudit.api.appeals.campaign.CampaignService;
import io.oncoaudit.api.appeals.campaign.CampaignView;
import io.oncoaudit.api.appeals.campaign.ClaimView;
import io.oncoaudit.api.appeals.campaign.RecoveryReport;
import io.oncoaudit.api.appeals.campaign.StateChange;
import io.oncoaudit.api.appeals.letter.CorrectedLinesCsv;
import io.oncoaudit.api.appeals.letter.LetterData;
import io.oncoaudit.api.appeals.letter.LetterSource;
import io.oncoaudit.api.appeals.letter.PacketWriter;
import io.oncoaudit.api.rest.ProblemException;
import io.oncoaudit.api.security.AccessLog;
import io.oncoaudit.api.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appeals campaigns (issue 7; contract section 8). Auditors (and admins) build and change campaigns;
 * finance reads them (403 on changes). Letters and corrected lines carry the patient id for auditors only
 * (their reads are in the access log); finance gets them with the id withheld.
 */
@Path("/api/campaigns")
@RolesAllowed({Role.AUDITOR, Role.FINANCE})
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {
    private final CampaignService campaigns;
    private final RecoveryReport recovery;
    private final LetterSource letters;
    private final PacketWriter packets;
    private final AccessLog accessLog;
    private final SecurityIdentity identity;

    public CampaignsResource(CampaignService campaigns, RecoveryReport recovery, LetterSource letters, PacketWriter packets,
                             AccessLog accessLog, SecurityIdentity identity) {
        this.campaigns = campaigns;
        this.recovery = recovery;
        this.letters = letters;
        this.packets = packets;
        this.accessLog = accessLog;
        this.identity = identity;
    }

    /** Body {"name": "...", "filter": {payerId, kind, billingNpi, from, to, minAmount, direction, runId}} -> 201 {id, claims, amount, ...}. */
    @POST
    @RolesAllowed(Role.AUDITOR)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Builds a campaign from a findings filter (payerId, kind, billingNpi, direction, from, to, minAmount, maxAmount, runId,"
            + " remitStatus, carc): remitStatus DENIED builds it from the payers' real denials")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "the campaign",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = io.oncoaudit.api.appeals.campaign.CampaignView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "an unknown filter field or value (problem+json naming it)",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = io.oncoaudit.api.rest.Problem.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "409", description = "claims of the filter are in an open campaign",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = io.oncoaudit.api.rest.Problem.class)))
    public Response create(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "send {\"name\": \"...\", \"filter\": {\"payerId\": \"MEDICARE\", \"kind\": \"...\"}}");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("name") && !f.equals("filter")) throw ProblemException.badRequest(f, f + ": unknown field; send name and filter");
        }
        JsonNode name = body.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) throw ProblemException.badRequest("name", "name: must be a string");
        CampaignFilter filter = CampaignFilter.parse(body.get("filter"));
        CampaignView v = campaigns.create(name == null || name.isNull() ? null : name.asText(), user(), filter);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id());
        out.put("claims", v.claims());
        out.put("amount", v.amount());
        out.put("name", v.name());
        out.put("owner", v.owner());
        out.put("filter", v.filter());
        out.put("claimed", v.claimed());
        out.put("recoverable", v.recoverable());
        out.put("pastDeadlineClaims", v.pastDeadlineClaims());
        if (v.nextDeadline() != null) out.put("nextDeadline", v.nextDeadline());
        return Response.created(URI.create("/api/campaigns/" + v.id())).entity(out).build();
    }

    /** All campaigns, newest first; {@code owner=me} (or a user name) keeps one owner's. */
    @GET
    @Operation(summary = "The campaigns, newest first, with totals, states and the next deadline")
    @APIResponse(responseCode = "200", description = "campaigns", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = io.oncoaudit.api.appeals.campaign.CampaignView.class)))
    public List<CampaignView> list(@Parameter(description = "me, or a user name", example = "me") @QueryParam("owner") String owner) {
        List<CampaignView> all = campaigns.list();
        if (owner == null || owner.isBlank()) return all;
        String who = owner.trim().equals("me") ? user() : owner.trim();
        return all.stream().filter(c -> c.owner().equals(who)).toList();
    }

    /** The campaign with its claims, most urgent first; {@code state=} keeps one state. */
    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One campaign and its claims, most urgent first")
    @APIResponse(responseCode = "200", description = "the campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.appeals.campaign.CampaignView.class)))
    public CampaignView detail(@PathParam("id") long id,
                               @Parameter(description = "only claims in this state", schema = @Schema(enumeration = {"draft", "ready", "submitted", "won", "partially_won", "lost", "withdrawn"})) @QueryParam("state") String state) {
        CampaignView v = campaigns.view(id, true);
        if (state == null || state.isBlank()) return v;
        String wire = io.oncoaudit.api.appeals.state.ClaimState.parse("state", state).wire();
        List<ClaimView> kept = v.claimList().stream().filter(c -> c.state().equals(wire)).toList();
        return new CampaignView(v.id(), v.name(), v.owner(), v.createdAt(), v.filter(), v.filterDescription(), v.claims(),
                v.amount(), v.claimed(), v.recoverable(), v.pastDeadlineClaims(), v.pastDeadlineAmount(), v.appealedClaims(),
                v.appealed(), v.recovered(), v.states(), v.nextDeadline(), kept, v.archivedAt(), v.archivedBy());
    }

    /** Archives the campaign (kept for the record; its claims may then go into a new campaign). */
    @POST
    @Path("/{id: \\d+}/archive")
    @RolesAllowed(Role.AUDITOR)
    @Operation(summary = "Archive a campaign (kept for the record; its claims may enter a new campaign)")
    @APIResponse(responseCode = "200", description = "archived", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.appeals.campaign.CampaignView.class)))
    public CampaignView archive(@PathParam("id") long id) {
        return campaigns.archive(id, user());
    }

    @GET
    @Path("/{id: \\d+}/claims/{claimId}")
    @Operation(summary = "One campaign claim with its deadline and state history")
    @APIResponse(responseCode = "200", description = "the claim", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.appeals.campaign.ClaimView.class)))
    public ClaimView claim(@PathParam("id") long id, @PathParam("claimId") String claimId) {
        return campaigns.claim(id, claimId, true);
    }

    /**
     * Changes one claim: {"state": "submitted", "submittedOn": "2026-03-02"}, {"state": "won", "amountRecovered": 18.25},
     * {"determinationDate": "2026-02-10"} (the remittance date: exact deadlines), {"note": "..."}; "from" guards
     * against a stale screen. An illegal move answers 409 naming the transition.
     */
    @PATCH
    @Path("/{id: \\d+}/claims/{claimId}")
    @RolesAllowed(Role.AUDITOR)
    @Operation(summary = "Move a campaign claim to another state (draft, ready, submitted, won, partially_won, lost, withdrawn)", description = "An illegal move or a stale from is 409.")
    @APIResponse(responseCode = "200", description = "the claim after the move", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.appeals.campaign.ClaimView.class)))
    public ClaimView update(@PathParam("id") long id, @PathParam("claimId") String claimId, JsonNode body) {
        return campaigns.update(id, claimId, body, user());
    }

    /** The same as PATCH, for clients without PATCH. */
    @POST
    @Path("/{id: \\d+}/claims/{claimId}/state")
    @RolesAllowed(Role.AUDITOR)
    @Operation(summary = "Move a campaign claim to another state (POST form of PATCH)")
    @APIResponse(responseCode = "200", description = "the claim after the move", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.appeals.campaign.ClaimView.class)))
    public ClaimView updateByPost(@PathParam("id") long id, @PathParam("claimId") String claimId, JsonNode body) {
        return campaigns.update(id, claimId, body, user());
    }

    /**
     * Moves many claims at once: {"state": "ready", "claimIds": [...]} or {"state": "submitted", "from": "ready"}
     * (every claim now in that state), with the same optional fields as one claim's update except amountRecovered.
     * Each claim is its own change; refused ones are listed with the reason and the others still move.
     */
    @POST
    @Path("/{id: \\d+}/transitions")
    @RolesAllowed(Role.AUDITOR)
    @Operation(summary = "Move many claims of a campaign at once")
    @APIResponse(responseCode = "200", description = "changed and refused claims", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.BulkTransition.class)))
    public Map<String, Object> bulk(@PathParam("id") long id, JsonNode body) {
        if (body == null || !body.isObject() || !body.hasNonNull("state")) {
            throw ProblemException.badRequest("state", "state: send {\"state\": \"ready\", \"claimIds\": [...]} or {\"state\": \"submitted\", \"from\": \"ready\"}");
        }
        if (body.has("amountRecovered")) {
            throw ProblemException.badRequest("amountRecovered", "amountRecovered: differs per claim; record outcomes one claim at a time");
        }
        List<String> targets = new ArrayList<>();
        JsonNode ids = body.get("claimIds");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray() || ids.isEmpty()) throw ProblemException.badRequest("claimIds", "claimIds: a non-empty array of claim ids");
            ids.forEach(n -> targets.add(n.asText()));
        } else if (body.hasNonNull("from")) {
            String from = io.oncoaudit.api.appeals.state.ClaimState.parse("from", body.get("from").asText()).wire();
            campaigns.claims(id).stream().filter(c -> c.state().equals(from)).forEach(c -> targets.add(c.claimId()));
        } else {
            throw ProblemException.badRequest("claimIds", "claimIds: list the claims, or give from to move every claim in that state");
        }
        com.fasterxml.jackson.databind.node.ObjectNode one = body.deepCopy();
        one.remove("claimIds");
        List<Map<String, Object>> refused = new ArrayList<>();
        int changed = 0;
        for (String claimId : targets) {
            try {
                campaigns.update(id, claimId, one, user());
                changed++;
            } catch (io.oncoaudit.api.appeals.state.IllegalTransitionException | ProblemException | IllegalArgumentException e) {
                refused.add(Map.of("claimId", claimId, "detail", e.getMessage()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", io.oncoaudit.api.appeals.state.ClaimState.parse("state", body.get("state").asText()).wire());
        out.put("changed", changed);
        out.put("refused", refused);
        return out;
    }

    /** Every state change of the campaign's claims, oldest first: who, when, from, to. */
    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Every state change of a campaign, oldest first")
    @APIResponse(responseCode = "200", description = "changes", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = io.oncoaudit.api.appeals.campaign.StateChange.class)))
    public List<StateChange> history(@PathParam("id") long id) {
        return campaigns.history(id);
    }

    /** Identified -> appealed -> recovered for this campaign, by payer. */
    @GET
    @Path("/{id: \\d+}/recovery")
    @Operation(summary = "One campaign's recovery: identified, appealed, recovered by payer")
    @APIResponse(responseCode = "200", description = "the report", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecoveryReport.Report.class)))
    public RecoveryReport.Report campaignRecovery(@PathParam("id") long id) {
        return recovery.report(id);
    }

    /** Identified (every loaded audit) -> in campaigns -> appealed -> recovered, by payer. */
    @GET
    @Path("/recovery")
    @Operation(summary = "The recovery report by payer: identified, in campaigns, appealed, recovered (each claim once)")
    @APIResponse(responseCode = "200", description = "the report", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecoveryReport.Report.class)))
    public RecoveryReport.Report recovery() {
        return recovery.report(null);
    }

    /**
     * The ZIP: one appeal letter PDF per claim to send, corrected-lines.csv (contract section 8) and index.csv
     * (every claim of the campaign: its letter, or why it was left out). A claim that asks nothing back ($0 of
     * underpayment and denial) and a claim past its appeal deadline are left out unless {@code include} names
     * them ({@code include=zero,late}); {@code state=ready} keeps the claims in that state (the batch about to be sent).
     */
    @GET
    @Path("/{id: \\d+}/packet")
    @Produces("application/zip")
    @Operation(summary = "The campaign's packet: a ZIP of letter PDFs, corrected-lines.csv, administration records and index.csv")
    @APIResponse(responseCode = "200", description = "the ZIP, streamed (X-Packet-Letters: letters to come)", content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response packet(@PathParam("id") long id,
                           @Parameter(description = "only claims in this state", schema = @Schema(enumeration = {"draft", "ready", "submitted", "won", "partially_won", "lost", "withdrawn"})) @QueryParam("state") String state,
                           @Parameter(description = "also claims asking nothing back (zero) or past their deadline (late); comma-separated", schema = @Schema(enumeration = {"zero", "late", "zero,late"})) @QueryParam("include") String include) {
        CampaignRow c = campaigns.campaign(id);
        CampaignService.PacketClaims picked = campaigns.packetClaims(id, state, include, letters.claimIds(id, null));
        List<String> chosen = picked.letters();
        List<PacketWriter.Omitted> omitted = picked.omitted();
        boolean patientLevel = patientLevel();
        if (patientLevel) accessLog.claims(user(), "campaign.packet", chosen, "campaignId=" + id);
        LocalDate today = campaigns.today();
        StreamingOutput body = out -> packets.write(id, c.name(), chosen, omitted, patientLevel, today, out);
        // the letters to come: the dashboard counts them as they arrive (progress of the build)
        return Response.ok(body, "application/zip").header("X-Packet-Letters", chosen.size())
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-packet.zip\"").build();
    }

    /**
     * The campaign as an Excel workbook: sheet "Claims" = one header row then one row per claim, most urgent first
     * (money in a currency format, dates as dates; no patient id), sheet "Totals" = money per direction and the
     * amounts asked back, appealed, recovered.
     */
    @GET
    @Path("/{id: \\d+}/export.xlsx")
    @Produces(io.oncoaudit.api.rest.Xlsx.MEDIA_TYPE)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "One campaign's claims as an Excel workbook")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response campaignXlsx(@PathParam("id") long id) {
        CampaignView v = campaigns.view(id, true);
        StreamingOutput body = out -> {
            org.dhatim.fastexcel.Workbook wb = io.oncoaudit.api.rest.Xlsx.workbook(out);
            var X = new Object() {
                io.oncoaudit.api.rest.Xlsx.Column t(String n) { return io.oncoaudit.api.rest.Xlsx.Column.text(n); }
                io.oncoaudit.api.rest.Xlsx.Column m(String n) { return io.oncoaudit.api.rest.Xlsx.Column.money(n); }
                io.oncoaudit.api.rest.Xlsx.Column d(String n) { return io.oncoaudit.api.rest.Xlsx.Column.date(n); }
            };
            io.oncoaudit.api.rest.Xlsx.Table claims = io.oncoaudit.api.rest.Xlsx.table(wb, "Claims", List.of(
                    X.t("claim_id"), X.t("run_id"), X.t("payer_id"), X.t("billing_npi"), X.t("provider_name"), X.d("date_of_service"),
                    io.oncoaudit.api.rest.Xlsx.Column.count("findings"), X.m("underpayment"), X.m("overpayment"), X.m("denial"),
                    X.m("claimed"), X.t("state"), X.d("deadline"), X.t("route"), X.t("past_deadline"), X.d("submitted_on"),
                    X.d("decided_on"), X.m("amount_recovered"), X.m("recoverable")));
            for (ClaimView c : v.claimList()) {
                claims.row(c.claimId(), c.runId(), c.payerId(), c.billingNpi(), c.providerName(), c.dateOfService(), c.findings(),
                        c.underpayment(), c.overpayment(), c.denial(), c.claimed(), c.state(),
                        c.deadline() == null ? null : c.deadline().due(), c.deadline() == null ? null : c.deadline().route(),
                        c.pastDeadline() ? "yes" : "no", c.submittedOn(), c.decidedOn(), c.amountRecovered(), c.recoverable());
            }
            claims.finish();
            io.oncoaudit.api.rest.Xlsx.Table totals = io.oncoaudit.api.rest.Xlsx.table(wb, "Totals",
                    List.of(X.t("figure"), io.oncoaudit.api.rest.Xlsx.Column.count("claims"), X.m("amount")));
            java.math.BigDecimal under = java.math.BigDecimal.ZERO, over = java.math.BigDecimal.ZERO, denial = java.math.BigDecimal.ZERO;
            for (ClaimView c : v.claimList()) {
                under = under.add(c.underpayment());
                over = over.add(c.overpayment());
                denial = denial.add(c.denial());
            }
            totals.row("underpayment", v.claims(), under);
            totals.row("overpayment", v.claims(), over);
            totals.row("denial", v.claims(), denial);
            totals.row("asked back (underpayment + denial)", v.claims(), v.claimed());
            totals.row("appealed", v.appealedClaims(), v.appealed());
            totals.row("recovered", v.appealedClaims(), v.recovered());
            totals.row("recoverable (in time, open)", v.claims() - v.pastDeadlineClaims(), v.recoverable());
            totals.finish();
            wb.finish();
        };
        return Response.ok(body, io.oncoaudit.api.rest.Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + ".xlsx\"").build();
    }

    /** The recovery report (all campaigns, each claim once) as an Excel workbook: one row per payer, the total on its own sheet. */
    @GET
    @Path("/recovery.xlsx")
    @Produces(io.oncoaudit.api.rest.Xlsx.MEDIA_TYPE)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The recovery report as an Excel workbook")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response recoveryXlsx() {
        RecoveryReport.Report report = recovery.report(null);
        StreamingOutput body = out -> {
            org.dhatim.fastexcel.Workbook wb = io.oncoaudit.api.rest.Xlsx.workbook(out);
            writeRecovery(io.oncoaudit.api.rest.Xlsx.table(wb, "Recovery by payer", RECOVERY_COLUMNS), report.byPayer());
            writeRecovery(io.oncoaudit.api.rest.Xlsx.table(wb, "Total", RECOVERY_COLUMNS), List.of(report.total()));
            wb.finish();
        };
        return Response.ok(body, io.oncoaudit.api.rest.Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"recovery.xlsx\"").build();
    }

    static final List<io.oncoaudit.api.rest.Xlsx.Column> RECOVERY_COLUMNS = List.of(
            io.oncoaudit.api.rest.Xlsx.Column.text("payer_id"), io.oncoaudit.api.rest.Xlsx.Column.count("identified_findings"),
            io.oncoaudit.api.rest.Xlsx.Column.money("identified"), io.oncoaudit.api.rest.Xlsx.Column.count("campaign_claims"),
            io.oncoaudit.api.rest.Xlsx.Column.money("in_campaigns"), io.oncoaudit.api.rest.Xlsx.Column.count("appealed_claims"),
            io.oncoaudit.api.rest.Xlsx.Column.money("appealed"), io.oncoaudit.api.rest.Xlsx.Column.money("recovered"),
            io.oncoaudit.api.rest.Xlsx.Column.count("pending"), io.oncoaudit.api.rest.Xlsx.Column.count("won"),
            io.oncoaudit.api.rest.Xlsx.Column.count("partially_won"), io.oncoaudit.api.rest.Xlsx.Column.count("lost"),
            io.oncoaudit.api.rest.Xlsx.Column.count("withdrawn"), io.oncoaudit.api.rest.Xlsx.Column.count("past_deadline_claims"),
            io.oncoaudit.api.rest.Xlsx.Column.money("past_deadline"), io.oncoaudit.api.rest.Xlsx.Column.money("recoverable"),
            io.oncoaudit.api.rest.Xlsx.Column.percent("recovery_rate"));

    private static void writeRecovery(io.oncoaudit.api.rest.Xlsx.Table t, List<RecoveryReport.Row> rows) throws java.io.IOException {
        for (RecoveryReport.Row r : rows) {
            t.row(r.payerId, r.identifiedFindings, r.identified, r.campaignClaims, r.inCampaigns, r.appealedClaims, r.appealed,
                    r.recovered, r.pending, r.won, r.partiallyWon, r.lost, r.withdrawn, r.pastDeadlineClaims, r.pastDeadline,
                    r.recoverable, r.recoveryRate);
        }
        t.finish();
    }

    /** One claim's letter. */
    @GET
    @Path("/{id: \\d+}/claims/{claimId}/letter.pdf")
    @Produces("application/pdf")
    @Operation(summary = "One claim's appeal letter (PDF)", description = "409 for a claim returned as unprocessable (MA130): no appeal, resubmit.")
    @APIResponse(responseCode = "200", description = "the letter", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response letter(@PathParam("id") long id, @PathParam("claimId") String claimId) {
        CampaignRow c = campaigns.campaign(id);
        List<String> ids = letters.claimIds(id, claimId);
        if (ids.isEmpty()) throw ProblemException.notFound("claimId", "claim '" + claimId + "' is not in campaign " + id);
        boolean patientLevel = patientLevel();
        if (patientLevel) accessLog.claims(user(), "campaign.letter", ids, "campaignId=" + id);
        List<LetterData> one = new ArrayList<>();
        try {
            letters.forEach(id, c.name(), ids, patientLevel, campaigns.today(), one::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (one.get(0).unprocessable()) {
            throw new ProblemException(409, "No appeal for this claim", "claimId", "claim " + claimId + " was "
                    + PacketWriter.UNPROCESSABLE_REASON);
        }
        byte[] pdf = packets.letter(one.get(0));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"appeal-" + id + "-" + claimId.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"")
                .build();
    }

    /** The packet's corrected-lines.csv alone. */
    @GET
    @Path("/{id: \\d+}/corrected-lines.csv")
    @Produces("text/csv")
    @Operation(summary = "The campaign's corrected lines as CSV (replacement, reopening or new-claim lines per claim)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response correctedLines(@PathParam("id") long id) {
        CampaignRow c = campaigns.campaign(id);
        List<String> claimIds = letters.claimIds(id, null);
        boolean patientLevel = patientLevel();
        if (patientLevel) accessLog.claims(user(), "campaign.corrected-lines", claimIds, "campaignId=" + id);
        LocalDate today = campaigns.today();
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CorrectedLinesCsv.header(w);
            letters.forEach(id, c.name(), claimIds, patientLevel, today, d -> CorrectedLinesCsv.rows(w, d));
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-corrected-lines.csv\"").build();
    }

    private boolean patientLevel() { return identity.hasRole(Role.AUDITOR); }

    private String user() { return identity.getPrincipal().getName(); }
}
