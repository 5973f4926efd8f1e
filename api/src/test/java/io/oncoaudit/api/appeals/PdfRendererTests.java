package io.oncoaudit.api.appeals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.appeals.letter.Html;
import io.oncoaudit.api.appeals.letter.PdfRenderer;
import io.oncoaudit.api.appeals.letter.TemplateRenderer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PDF step alone: symbols print with the embedded font, markup in values stays text, bad XHTML is refused. */
class PdfRendererTests {
    static final PdfRenderer PDF = new PdfRenderer();

    @Test
    void symbolsOutsideWinAnsiPrintAsThemselves() throws Exception {
        String value = "96413 \u00d7 1, dose \u2265 16 min \u2192 96415; Jos\u00e9 O\u2019Neil <b>&</b>";
        String xhtml = TemplateRenderer.render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>body { font-family: "
                + PdfRenderer.FONT_FAMILY + "; }</style></head><body><p>{{claimId}}</p></body></html>", Map.of("claimId", value), Map.of());
        long start = System.nanoTime();
        byte[] pdf = PDF.render(xhtml, "test");
        long first = System.nanoTime();
        for (int i = 0; i < 5; i++) PDF.render(xhtml, "test");
        System.out.printf("PdfRendererTests: first letter %d ms, then %d ms each%n", (first - start) / 1_000_000,
                (System.nanoTime() - first) / 5_000_000);
        String text = AppealsTestData.pdfText(pdf);
        assertTrue(text.contains(value), text);
        assertFalse(text.contains("#"), text);
    }

    @Test
    void escapingKeepsValuesOutOfTheMarkup() {
        assertTrue(Html.escape("<a href=\"x\">'&'</a>").equals("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));
        assertTrue(Html.escape("bell\u0007 nul\u0000 ok").equals("bell nul ok"), "characters XML forbids are dropped");
    }

    @Test
    void malformedOrEntityBearingXhtmlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PDF.render("<html><body><p>open</body></html>", "test"));
        assertTrue(e.getMessage().startsWith("template: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PDF.render(
                "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><html><body>&x;</body></html>", "test"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TemplateRenderer.validate("<p>{{claimNo}}</p>"));
        assertTrue(unknown.getMessage().contains("{{claimNo}}"), unknown.getMessage());
    }
}
