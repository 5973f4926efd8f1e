package io.oncoaudit.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.tables.CsvReader;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugTable;
import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ASP pricing file layout and the shipped sample prices. */
class AspPricingFileTests {
    private static final AspPricingFile SAMPLE = AspPricingFile.sample();
    private static final DrugTable DRUGS = DrugTable.load(CsvReader.readResource(DrugTable.RESOURCE));

    @Test
    void sampleSaysPlainlyThatItIsNotCmsData() {
        assertTrue(AspPricingFile.SAMPLE_RESOURCE.endsWith("asp-sample.csv"));
        assertTrue(SAMPLE.title().startsWith("SAMPLE VALUES FOR DEMOS AND TESTS ONLY - NOT CMS-PUBLISHED"), SAMPLE.title());
    }

    @Test
    void sampleCoversEveryDrugWithAPositivePriceAndTheSameBillingUnit() {
        int drugs = 0;
        for (List<Drug> rows : DRUGS.all()) {
            for (Drug d : rows) {
                drugs++;
                AspPricingFile.Entry e = SAMPLE.get(d.hcpcs());
                assertNotNull(e, d.hcpcs() + " has no sample price");
                assertTrue(e.paymentLimit().signum() > 0, d.hcpcs());
                String dosage = d.billingUnitSize().stripTrailingZeros().toPlainString() + " "
                        + d.billingUnit().label().toUpperCase(Locale.ROOT);
                assertEquals(dosage, e.dosage(), d.hcpcs() + ": HCPCS Code Dosage must match drugs.csv");
            }
        }
        assertEquals(drugs, SAMPLE.entries().size(), "no sample price for a code outside drugs.csv");
    }

    @Test
    void realLayoutWithPreambleQuotesAndExtraColumnsParses(@TempDir Path dir) throws IOException {
        String text = String.join("\r\n",
                "\"ASP Pricing File - Effective 01/01/2026 through 03/31/2026\"",
                "Notes: payment limits per billing unit; Gr\u00e9gory's note",
                "",
                "HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Co-insurance Percentage,Vaccine AWP%,Notes",
                "J9271,Inj pembrolizumab,1 MG,\"$1,052.125\",20,,",
                "J9999,Chemotherapy drug,,,20,,not payable",
                "j9045,\"Carboplatin, injection\",50 MG,2.4,20,,");
        Path file = dir.resolve("Jan2026ASPFile.csv");
        Files.write(file, text.getBytes(Charset.forName("windows-1252"))); // older CMS files are Windows-1252
        AspPricingFile f = AspPricingFile.load(file);
        assertEquals(new BigDecimal("1052.125"), f.paymentLimit("J9271"));
        assertEquals(new BigDecimal("2.4"), f.paymentLimit("J9045"));
        assertEquals("Carboplatin, injection", f.get("J9045").shortDescription());
        assertNull(f.paymentLimit("J9999"), "blank payment limit = no price");
        assertEquals(2, f.entries().size());
        assertTrue(f.title().startsWith("ASP Pricing File"));
    }

    @Test
    void badLimitNamesLineAndColumn() {
        String text = "Title\nHCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit\nJ9271,x,1 MG,n/a\n";
        TableFormatException e = assertThrows(TableFormatException.class, () -> AspPricingFile.parse("asp.csv", text));
        assertTrue(e.getMessage().startsWith("asp.csv line 3:") && e.getMessage().contains("Payment Limit"), e.getMessage());
        TableFormatException noHeader = assertThrows(TableFormatException.class,
                () -> AspPricingFile.parse("x.csv", "a,b\n1,2\n"));
        assertTrue(noHeader.getMessage().contains("Payment Limit"), noHeader.getMessage());
    }
}
