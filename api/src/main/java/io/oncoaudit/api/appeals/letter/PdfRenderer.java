package io.oncoaudit.api.appeals.letter;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XHTML to PDF with openhtmltopdf (PDFBox). The text font is Liberation Sans, shipped inside PDFBox, embedded
 * and subset in each letter, so symbols such as x, <=, -> and accented names print on any machine instead of
 * the '#' the standard PDF fonts give for characters outside WinAnsi.
 */
@ApplicationScoped
public class PdfRenderer {
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    public static final String FONT_FAMILY = "LetterSans";
    private final byte[] font;
    /** Font metrics shared by all letters (thread-safe): a packet parses the font's metrics once, not per letter. */
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

    public PdfRenderer() {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("font " + FONT_RESOURCE + " not on the classpath (pdfbox jar)");
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws IllegalArgumentException("template: ...") when the XHTML cannot be laid out (e.g. not well-formed). */
    public byte[] render(String xhtml, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        FSSupplier<InputStream> fontSupplier = () -> new ByteArrayInputStream(font);
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
            b.useFont(fontSupplier, FONT_FAMILY, 400, FontStyle.NORMAL, true);
            // one weight only: bold text is set in the same face (headings differ by size)
            b.useFont(fontSupplier, FONT_FAMILY, 700, FontStyle.NORMAL, true);
            b.withProducer("oncoaudit");
            // nothing outside the letter is fetched: no files, no network; only data: URIs (an embedded logo)
            b.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
            b.withW3cDocument(parse(xhtml, title), null);
            b.toStream(out);
            b.run();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("template: the letter for " + title + " cannot be rendered as PDF (" + why
                    + "); a template must be well-formed XHTML", e);
        }
        return out.toByteArray();
    }

    /**
     * Strict XML parse with no DOCTYPE and no entities of any kind (a template is user text: no XXE, no file
     * reads). Throws IllegalArgumentException("template: ...") naming the line of the first error.
     */
    static Document parse(String xhtml, String title) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXParseException { throw e; }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException { throw e; }
            });
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("template: the letter for " + title + " is not well-formed XHTML at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage()
                    + " (no DOCTYPE; use numeric character references such as &#160; instead of named entities)", e);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("XML parser: " + e.getMessage(), e);
        }
    }
}
