package io.oncoaudit.api.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.appeals.deadline.DeadlineCalculator;
import io.oncoaudit.api.appeals.letter.LetterComposer;
import io.oncoaudit.api.appeals.letter.LetterData;
import io.oncoaudit.api.appeals.letter.PdfRenderer;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The letter's template step (Qute, escaping) and the PDF step: symbols print, markup in values stays text, bad templates are refused. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class PdfRendererTests {
    static final PdfRenderer PDF = new PdfRenderer();
    static final String HTML = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>body { font-family: "
            + PdfRenderer.FONT_FAMILY + "; }</style></head><body>";

    @Inject
    LetterComposer composer;

    @Inject
    DeadlineCalculator deadlines;

    /** A one-finding letter of claim {@code claimId} from provider {@code provider}. */
    LetterData letter(String claimId, String provider) {
        LocalDate dos = LocalDate.of(2026, 3, 2);
        return new LetterData(0, "test", LocalDate.of(2026, 4, 1), claimId, "run", "PT000001", dos, "11", List.of("C50.911"),
                provider, "1234567893", "1234567893", "TESTPAYER", "Test Payer", true,
                List.of(new LetterData.BilledLine(1, "96372", List.of(), BigDecimal.ONE, null, new BigDecimal("60.00"),
                        new BigDecimal("14.50"), new BigDecimal("11.60"), List.of(), List.of())),
                List.of(new LetterData.CorrectedLine(1, "96401", List.of(), 1, null, new BigDecimal("32.75"), new BigDecimal("60.00"), true, true)),
                List.of(new LetterData.LetterFinding(0, 1, "DOWNCODED_TO_96372", "R", "96372", 1, "96401", 1, "UNDERPAYMENT",
                        new BigDecimal("18.25"), "why", List.of("CPT 96401"), "appeal")),
                deadlines.compute("TESTPAYER", dos, null, LocalDate.of(2026, 4, 1)));
    }

    @Test
    void symbolsOutsideWinAnsiPrintAsThemselves() throws Exception {
        String value = "96413 \u00d7 1, dose \u2265 16 min \u2192 96415; Jos\u00e9 O\u2019Neil <b>&</b>";
        String xhtml = composer.compose(HTML + "<p>{letter.claimId}</p></body></html>", letter(value, "Clinic"));
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
    void quteEscapesValuesSoTheyStayOutOfTheMarkup() throws Exception {
        String xhtml = composer.compose(HTML + "<p>{letter.claimId}</p><p>{letter.billingProviderName}</p></body></html>",
                letter("<a href=\"x\">'&'</a>", "bell\u0007 nul\u0000 ok"));
        assertTrue(xhtml.contains("<p>&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;</p>"), xhtml);
        assertTrue(xhtml.contains("<p>bell nul ok</p>"), "characters XML forbids are dropped: " + xhtml);
        // the built-in letter: a patient/practice name holding < and & prints as written in the PDF
        String name = "Smith & Sons <Oncology>";
        String text = AppealsTestData.pdfText(PDF.render(composer.compose(letter("ESC-1", name)), "test"));
        assertTrue(text.contains(name), text);
    }

    @Test
    void malformedOrEntityBearingXhtmlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PDF.render("<html><body><p>open</body></html>", "test"));
        assertTrue(e.getMessage().startsWith("template: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PDF.render(
                "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><html><body>&x;</body></html>", "test"));
    }

    @Test
    void aTemplateThatDoesNotParseOrReadsAnUnknownFieldIsRefusedNamingTheLine() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> composer.check("<html>\n<body>\n<p>{letter.claimNo}</p></body></html>"));
        assertTrue(unknown.getMessage().startsWith("template: line 3: "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("claimNo"), unknown.getMessage());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> composer.check("<html>\n<body>{#if letter.lineDetail}<p>x</p>\n</body></html>"));
        assertTrue(broken.getMessage().startsWith("template: "), broken.getMessage());
        assertTrue(broken.getMessage().contains("line"), broken.getMessage());
        // a name outside the letter is found when a sample is rendered, with its line
        IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
                () -> composer.compose("<html>\n<body><p>{claimId}</p></body></html>", letter("C1", "Clinic")));
        assertTrue(data.getMessage().contains("line 2"), data.getMessage());
        assertEquals("<p>C1</p>", composer.compose("<p>{letter.claimId}</p>", letter("C1", "Clinic")));
    }
}
