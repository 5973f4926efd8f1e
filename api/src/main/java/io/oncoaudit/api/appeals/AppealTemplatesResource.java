package io.oncoaudit.api.appeals;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oncoaudit.api.appeals.letter.LetterData;
import io.oncoaudit.api.appeals.letter.LetterComposer;
import io.oncoaudit.api.appeals.letter.LetterTemplates;
import io.oncoaudit.api.appeals.letter.PdfRenderer;
import io.oncoaudit.api.appeals.deadline.DeadlineCalculator;
import io.oncoaudit.api.rest.ProblemException;
import io.oncoaudit.api.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Letter templates per payer. GET shows which template a payer's letters use and where it comes from;
 * PUT stores an edited one (XHTML, placeholders as in the built-in default) after rendering a sample letter
 * with it, so a broken template is refused with the line at fault instead of breaking a packet later.
 */
@Path("/api/appeal-templates")
@RolesAllowed({Role.AUDITOR, Role.FINANCE})
public class AppealTemplatesResource {
    private final LetterTemplates templates;
    private final LetterComposer composer;
    private final PdfRenderer pdf;
    private final DeadlineCalculator deadlines;
    private final SecurityIdentity identity;

    public AppealTemplatesResource(LetterTemplates templates, LetterComposer composer, PdfRenderer pdf,
                                   DeadlineCalculator deadlines, SecurityIdentity identity) {
        this.templates = templates;
        this.composer = composer;
        this.pdf = pdf;
        this.deadlines = deadlines;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The letter templates: engine, fields, blocks and the payers with their own")
    @APIResponse(responseCode = "200", description = "templates", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.TemplateList.class)))
    public Map<String, Object> list() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default", "built-in");
        out.put("engine", "qute");
        out.put("fields", LetterComposer.fields().stream().map(f -> LetterComposer.DATA + "." + f).toList());
        out.put("blocks", LetterComposer.BLOCKS.stream().map(b -> "appeals/blocks/" + b).toList());
        out.put("overrides", templates.overrides().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("payerId", t.payerId());
            m.put("source", t.source());
            if (t.updatedBy() != null) m.put("updatedBy", t.updatedBy());
            if (t.updatedAt() != null) m.put("updatedAt", t.updatedAt().toString());
            return m;
        }).toList());
        return out;
    }

    /** The template the payer's letters use (text/html); header X-Template-Source says database, folder or built-in. */
    @GET
    @Path("/{payerId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The Qute template a payer's letters use (X-Template-Source: database, folder or built-in)")
    @APIResponse(responseCode = "200", description = "the template text", content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("payerId") String payerId) {
        LetterTemplates.Template t = templates.forPayer(payerId);
        return Response.ok(t.body(), "text/html; charset=UTF-8").header("X-Template-Source", t.source()).build();
    }

    @PUT
    @Path("/{payerId}")
    @Consumes({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "application/xhtml+xml"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.AUDITOR)
    @Operation(summary = "Store a payer's letter template (Qute XHTML), checked first", description = "A template that does not parse, reads an unknown field or is not well-formed XHTML is 400 naming the line.")
    @APIResponse(responseCode = "200", description = "stored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.TemplateSaved.class)))
    @APIResponse(responseCode = "400", description = "a broken template (the line at fault)")
    public Map<String, Object> put(@PathParam("payerId") String payerId, String body) {
        if (body == null || body.isBlank()) throw ProblemException.badRequest("template", "template: send the XHTML template as the request body");
        if (body.length() > 200_000) throw ProblemException.badRequest("template", "template: at most 200,000 characters");
        // throws "template: ... line N ..." -> 400: a template that does not parse, reads an unknown field, or is no XHTML
        composer.check(body);
        pdf.render(composer.compose(body, sample(payerId, "UNDERPAYMENT")), "a sample claim");
        pdf.render(composer.compose(body, sample(payerId, "OVERPAYMENT")), "a sample claim in the payer's favour");
        templates.save(payerId, body, identity.getPrincipal().getName());
        return Map.of("payerId", payerId, "source", "database");
    }

    @DELETE
    @Path("/{payerId}")
    @RolesAllowed(Role.AUDITOR)
    @Operation(summary = "Remove the template edited in the product for a payer")
    @APIResponse(responseCode = "204", description = "removed")
    public Response delete(@PathParam("payerId") String payerId) {
        if (!templates.delete(payerId)) {
            throw ProblemException.notFound("payerId", "no template edited in the product for payer '" + payerId + "'");
        }
        return Response.noContent().build();
    }

    /** A made-up claim exercising every placeholder and block, to try a template before it is stored. */
    private LetterData sample(String payerId, String direction) {
        LocalDate dos = LocalDate.of(2026, 3, 2);
        return new LetterData(0, "sample", LocalDate.now(), "SAMPLE-1", "sample-run", "P-SAMPLE", dos, "11", List.of("C50.911"),
                "Sample Oncology & Hematology", "1234567893", "1234567893", payerId, payerId + " (sample)", true,
                List.of(new LetterData.BilledLine(1, "96372", List.of(), BigDecimal.ONE, null, new BigDecimal("60.00"),
                        new BigDecimal("14.50"), new BigDecimal("11.60"), List.of("CO-97"), List.of())),
                List.of(new LetterData.CorrectedLine(1, "96402", List.of(), 1, null, new BigDecimal("32.75"), new BigDecimal("60.00"), true, true)),
                List.of(new LetterData.LetterFinding(0, 1, "DOWNCODED_TO_96372", "SAMPLE", "96372", 1, "96402", 1, direction,
                        new BigDecimal("18.25"), "sample explanation", List.of("sample citation"), "sample appeal text")),
                deadlines.compute(payerId, dos, null, LocalDate.now()));
    }
}
