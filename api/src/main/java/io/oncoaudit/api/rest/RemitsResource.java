package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.KnownValues;
import io.oncoaudit.api.query.SummaryRepository;
import io.oncoaudit.api.remits.RemitsRepository;
import io.oncoaudit.api.remits.RemitsSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * GET /api/summary/remits (issue 15): denials and underpayment on the payers' remittances (audit --remits), by
 * revenue-cycle category, CARC and payer, over the remittance lines matching every findings filter; beside it,
 * and never added to it, the rules' predicted denial exposure over the findings matching the same filters.
 */
@Path("/api/summary/remits")
@RolesAllowed({"auditor", "finance", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class RemitsResource {
    private final RemitsRepository remits;
    private final SummaryRepository summaries;
    private final KnownValues known;

    public RemitsResource(RemitsRepository remits, SummaryRepository summaries, KnownValues known) {
        this.remits = remits;
        this.summaries = summaries;
        this.known = known;
    }

    @GET
    @Operation(summary = "Denials and underpayment on remittance (X12 835) by revenue-cycle category, CARC and payer, beside the predicted denial exposure",
            description = "Every findings filter applies (runId, payerId, billingNpi, kind, direction, from, to, minAmount, maxAmount, claimId,"
                    + " remitStatus, carc). deniedOnRemittance is what payers denied; predictedDenialExposure is what the rules predict; they are never added.")
    @APIResponse(responseCode = "200", description = "the remittance figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RemitsSummary.class)))
    @APIResponse(responseCode = "400", description = "an unknown parameter, payer, kind, remittance status or CARC, or a bad value (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RemitsSummary remits(@BeanParam FindingsQuery q) {
        FindingFilter filter = q.filter(known);
        return remits.summary(filter, predictedDenialExposure(summaries, filter));
    }

    /**
     * GET /api/summary/remits/export.xlsx: the same figures as a workbook for finance. "Denials": the rules' predicted
     * denial exposure, the denials on remittance and the lines paid below expected, each with what it means (never
     * added together); "Revenue cycle": denial, rejection, zero-pay, underpayment, paid; "By payer"; "By CARC".
     */
    @GET
    @jakarta.ws.rs.Path("/export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(summary = "The remittance figures as an Excel workbook: denials (predicted and on remittance, apart), revenue-cycle split, by payer, by CARC",
            description = "Every findings filter applies, as for GET /api/summary/remits.")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Xlsx.MEDIA_TYPE,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "an unknown parameter or a bad value (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public jakarta.ws.rs.core.Response exportXlsx(@BeanParam FindingsQuery q) {
        FindingFilter filter = q.filter(known);
        RemitsSummary r = remits.summary(filter, predictedDenialExposure(summaries, filter));
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            org.dhatim.fastexcel.Workbook wb = Xlsx.workbook(out);
            Xlsx.Table d = Xlsx.table(wb, "Denials", java.util.List.of(Xlsx.Column.text("figure", 28), Xlsx.Column.count("lines"),
                    Xlsx.Column.money("amount"), Xlsx.Column.text("meaning", 100)));
            d.row("predicted denial exposure", null, r.predictedDenialExposure(),
                    "findings of direction DENIAL: the rules' prediction of what a payer would deny, not a payer's decision");
            d.row("denied on remittance", r.deniedOnRemittance().lines(), r.deniedOnRemittance().amount(),
                    "remittance (X12 835) lines the payer paid 0 with a CO, OA or PI adjustment, at their expected value; never added to the prediction");
            d.row("paid below expected", r.paidBelowExpected().lines(), r.paidBelowExpected().amount(),
                    "remittance lines paid below the fee-schedule value of the code billed: the shortfall");
            d.finish();
            Xlsx.Table c = Xlsx.table(wb, "Revenue cycle", java.util.List.of(Xlsx.Column.text("category", 14), Xlsx.Column.text("remit_status", 14),
                    Xlsx.Column.count("lines"), Xlsx.Column.money("paid"), Xlsx.Column.money("expected_value"), Xlsx.Column.money("amount")));
            for (RemitsSummary.Category x : r.revenueCycle()) c.row(x.category(), x.remitStatus(), x.lines(), x.paid(), x.expectedValue(), x.amount());
            c.finish();
            Xlsx.Table p = Xlsx.table(wb, "By payer", java.util.List.of(Xlsx.Column.text("payer_id"), Xlsx.Column.text("remit_payer_name", 24),
                    Xlsx.Column.count("remittance_lines"), Xlsx.Column.money("paid"), Xlsx.Column.count("denied_lines"),
                    Xlsx.Column.money("denied_on_remittance"), Xlsx.Column.count("paid_below_expected_lines"), Xlsx.Column.money("paid_below_expected")));
            for (RemitsSummary.Payer x : r.byPayer()) {
                p.row(x.payerId(), x.remitPayerName(), x.remittanceLines(), x.paid(), x.deniedLines(), x.deniedAmount(),
                        x.paidBelowExpectedLines(), x.paidBelowExpectedAmount());
            }
            p.finish();
            Xlsx.Table k = Xlsx.table(wb, "By CARC", java.util.List.of(Xlsx.Column.text("group", 8), Xlsx.Column.text("carc", 8),
                    Xlsx.Column.count("lines"), Xlsx.Column.money("amount"), Xlsx.Column.count("denied_lines")));
            for (RemitsSummary.Carc x : r.byCarc()) k.row(x.group(), x.carc(), x.lines(), x.amount(), x.deniedLines());
            k.finish();
            wb.finish();
        };
        return jakarta.ws.rs.core.Response.ok(body, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"remittances.xlsx\"").build();
    }

    /** The rules' predicted denial exposure: the findings of direction DENIAL matching the filter. */
    static BigDecimal predictedDenialExposure(SummaryRepository summaries, FindingFilter filter) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Map<String, Object> row : summaries.summary(SummaryRepository.By.PAYER, filter)) sum = sum.add((BigDecimal) row.get("denial"));
        return sum;
    }
}
