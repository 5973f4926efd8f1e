package io.oncoaudit.core.tables;

import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.tables.cms.AspQuarter;
import io.oncoaudit.core.tables.cms.AspQuarters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drug table covers every HCPCS code of the shipped CMS ASP quarters (read with the official-layout loader). */
class AspDrugCoverageTests {
    private static final AspQuarters ASP = AspQuarters.shipped();
    private static final DrugTable DRUGS = ReferenceTables.builtIn().drugs();
    private static final DrugTable CURATED = DrugTable.load(CsvReader.readResource(DrugTable.RESOURCE));

    @Test
    void everyAspCodeIsInTheDrugTableWithTheFilesBillingUnitAndQuarters() {
        Set<String> codes = new HashSet<>();
        for (YearMonth q : ASP.quarters()) codes.addAll(ASP.get(q).entries().keySet());
        assertTrue(codes.size() > 800, "ASP codes: " + codes.size());
        List<YearMonth> all = ASP.quarters();
        int asp = 0;
        for (String c : codes) {
            assertTrue(DRUGS.isDrugCode(c), c + " is in the ASP files but not in the drug table");
            if (CURATED.isDrugCode(c)) continue;
            asp++;
            Drug d = DRUGS.get(c, null);
            List<YearMonth> in = ASP.quartersOf(c);
            AspQuarter.Entry latest = ASP.get(in.get(in.size() - 1)).get(c);
            String dosage = latest.billingUnitText().strip();
            if (d.billingUnit() != null) {
                var m = java.util.regex.Pattern.compile("^([0-9.]+)(.*)$").matcher(dosage.toUpperCase().replaceAll("\\s+", ""));
                assertTrue(m.matches(), c + " dosage " + dosage);
                assertEquals(0, new BigDecimal(m.group(1)).compareTo(d.billingUnitSize()), c + " dosage " + dosage);
                String u = switch (m.group(2)) {
                    case "GM", "G" -> "G";
                    case "UNIT", "UNITS", "IU" -> "UNITS";
                    case "CC", "ML" -> "ML";
                    default -> m.group(2);
                };
                assertEquals(u, d.billingUnit().name(), c + " dosage " + dosage);
            }
            assertEquals(in.get(0).equals(all.get(0)) ? null : in.get(0).atDay(1), d.effectiveFrom(), c + " effective from");
            YearMonth last = in.get(in.size() - 1);
            assertEquals(last.equals(all.get(all.size() - 1)) ? null : last.plusMonths(2).atEndOfMonth(), d.effectiveTo(), c + " effective to");
            assertNotNull(d.classSource(), c + ": class source");
            assertFalse(d.classSource().isBlank(), c);
            assertEquals("ASP", d.status());
        }
        assertTrue(asp > 700, "ASP-only rows: " + asp);
    }

    @Test
    void drugClassesCsvListsEachUncuratedCodeOnceWithASource() {
        Set<String> seen = new HashSet<>();
        for (CsvReader.Row r : CsvReader.readResource(DrugTable.CLASSES_RESOURCE)) {
            assertTrue(seen.add(r.get("hcpcs")), "twice: " + r.get("hcpcs"));
            assertFalse(CURATED.isDrugCode(r.get("hcpcs")), r.get("hcpcs") + " is curated in drugs.csv");
            DrugClass.valueOf(r.get("class"));
            assertFalse(r.get("class_source").isBlank(), r.get("hcpcs"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "J9011, NON_HORMONAL_ANTINEOPLASTIC, 1, MG",   // datopotamab deruxtecan: HCPCS J9 range
            "J9394, HORMONAL_ANTINEOPLASTIC, 25, MG",     // fulvestrant (Fresenius)
            "J1456, SUPPORTIVE, 1, MG",                    // fosaprepitant (Teva): same ingredient as J1453
            "J0129, UNCLASSIFIED, 10, MG",                 // abatacept: no public source classifies it here
            "Q5105, SUPPORTIVE, 100, UNITS"})              // Retacrit: epoetin biosimilar
    void classesAndUnits(String code, DrugClass cls, String size, DoseUnit unit) {
        Drug d = DRUGS.get(code, LocalDate.of(2026, 1, 15));
        assertEquals(cls, d.drugClass());
        assertEquals(new BigDecimal(size), d.billingUnitSize());
        assertEquals(unit, d.billingUnit());
    }

    @Test
    void dosageThatIsNotAQuantityLeavesTheUnitUnknown() {
        assertNull(DrugTable.dosage("per sq cm")[1]);
        assertNull(DrugTable.dosage("1 million PFU")[1]);
        assertEquals(DoseUnit.UNITS, DrugTable.dosage("10 IU")[1]);
        assertEquals(new BigDecimal("0.5"), DrugTable.dosage(" 0.5 ML ")[0]);
    }
}
