package io.oncoaudit.core.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** drugs.csv: the worked units of NOTES 3.2, deleted codes, combination components and row integrity. */
class DrugTableTests {
    private static final List<CsvReader.Row> ROWS = CsvReader.readResource(DrugTable.RESOURCE);
    private static final DrugTable TABLE = DrugTable.load(ROWS);

    private static List<Drug> all() {
        List<Drug> out = new ArrayList<>();
        TABLE.all().forEach(out::addAll);
        return out;
    }

    private static Drug drug(String code) {
        Drug d = TABLE.get(code, null);
        assertNotNull(d, code + " missing from drugs.csv");
        return d;
    }

    /** NOTES decision 9 / [S-RAC74], [S-TR2193]: dose in billing units, rounded up; under one unit bills 1. */
    private static long units(Drug d, BigDecimal dose, DoseUnit doseUnit) {
        BigDecimal inBillingUnit = doseUnit.convert(dose, d.billingUnit());
        assertNotNull(inBillingUnit, d.hcpcs() + ": " + doseUnit + " does not convert to " + d.billingUnit());
        long u = inBillingUnit.divide(d.billingUnitSize(), MathContext.DECIMAL64).setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, u);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} units")
    @CsvSource({
            // NOTES 3.2 "Worked units" column; bold ones correct seed errors (NOTES 4.3 #16-#24)
            "J9045, 650, mg, 13", "J9045, 450, mg, 9", "J9060, 135, mg, 14", "J9267, 315, mg, 315",
            "J9171, 135, mg, 135", "J9263, 153, mg, 306", "J9201, 1800, mg, 9", "J9000, 60, mg, 6",
            "J9370, 2, mg, 2", "J9370, 1.4, mg, 2", "J9070, 1350, mg, 14", "J9190, 720, mg, 2", "J9190, 4320, mg, 9",
            "J9035, 400, mg, 40", "J9355, 140, mg, 14", "J9312, 675, mg, 68", "J9271, 200, mg, 200",
            "J9271, 400, mg, 400", "J9299, 240, mg, 240", "J9022, 1200, mg, 120", "J9022, 840, mg, 84",
            "J9173, 1500, mg, 150", "J9228, 70, mg, 70", "J9305, 900, mg, 90", "J9145, 1120, mg, 112",
            "J9144, 1800, mg, 180", "J9316, 1800, mg, 180", "J9316, 1200, mg, 120", "J9395, 500, mg, 20",
            "J9217, 22.5, mg, 3", "J9217, 45, mg, 6", "J1950, 11.25, mg, 3", "J9218, 1, mg, 1", "J1952, 42, mg, 42",
            "J9202, 10.8, mg, 3", "J3315, 22.5, mg, 6", "J9155, 240, mg, 240", "J9155, 80, mg, 80",
            "J0640, 720, mg, 15", "J0641, 360, mg, 720", "J9209, 1000, mg, 5", "J2405, 16, mg, 16",
            "J1100, 10, mg, 10", "J1100, 12, mg, 12", "J1200, 25, mg, 1", "J1200, 50, mg, 1", "J2920, 100, mg, 3",
            "J2930, 100, mg, 1", "J2930, 125, mg, 1", "J2506, 6, mg, 12", "Q5108, 6, mg, 12", "Q5111, 6, mg, 12",
            "Q5120, 6, mg, 12", "Q5122, 6, mg, 12", "J1442, 480, mcg, 480", "J1071, 200, mg, 200",
            "J2357, 300, mg, 60", "J0897, 120, mg, 120", "J0897, 60, mg, 60", "J3489, 4, mg, 4",
            "J9041, 2.34, mg, 24", "J1745, 350, mg, 35", "J2350, 600, mg, 600", "J9354, 252, mg, 252",
            "J9358, 378, mg, 378", "J9042, 126, mg, 126", "J9317, 700, mg, 280", "J9177, 87.5, mg, 350",
            "J9119, 350, mg, 350", "J9025, 135, mg, 135", "J9250, 25, mg, 5", "J9306, 840, mg, 840",
            // units named by the CMS short descriptor: nivolumab 2 mg SC (NOTES 4.3 #27), atezolizumab 5 mg SC
            "J9289, 1200, mg, 600", "J9024, 1875, mg, 375",
            // conversions between mass units and the under-one-unit rule
            "J1442, 0.48, mg, 480", "J9208, 1500, mg, 2", "J2919, 2, mg, 1", "J7040, 500, mL, 1"
    })
    void workedUnitsComeFromTheTableRow(String code, BigDecimal dose, String unit, long expected) {
        assertEquals(expected, units(drug(code), dose, DoseUnit.parse("dose_unit", unit)));
    }

    @Test
    void everyDataLineBecomesOneDrug() throws IOException {
        long dataLines;
        try (InputStream in = DrugTableTests.class.getResourceAsStream(DrugTable.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            dataLines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1; // minus header
        }
        assertEquals(dataLines, ROWS.size());
        assertEquals(ROWS.size(), all().size());
        assertTrue(all().size() >= 100, "table unexpectedly small: " + all().size());
    }

    @Test
    void everyRowIsComplete() {
        Pattern code = Pattern.compile("[A-Z][0-9]{4}");
        for (Drug d : all()) {
            String id = d.hcpcs();
            assertTrue(code.matcher(id).matches(), id + ": not a HCPCS level II code");
            assertFalse(d.name().isBlank(), id + ": name");
            assertNotNull(d.drugClass(), id + ": class");
            assertNotNull(d.billingUnit(), id + ": billing_unit");
            assertTrue(d.billingUnitSize().signum() > 0, id + ": billing_unit_size must be > 0");
            assertFalse(d.citation().isBlank(), id + ": citation");
            assertTrue(Set.of("VERIFIED", "BELIEVED").contains(d.status()), id + ": status " + d.status());
            if (d.effectiveFrom() != null && d.effectiveTo() != null) {
                assertFalse(d.effectiveTo().isBefore(d.effectiveFrom()), id + ": effective_to before effective_from");
            }
            if (d.replacedBy() != null) assertNotNull(d.effectiveTo(), id + ": replaced_by without effective_to");
            // every row names a contract route; only intravitreal brolucizumab has none in the contract list
            if (d.usualRoute() == null) assertTrue(Set.of("J0179", "J9281").contains(id), id + ": usual route");
        }
    }

    @Test
    void codesAreUniqueBecauseNoCodeChangedItsUnitInPlace() {
        Set<String> seen = new java.util.HashSet<>();
        for (CsvReader.Row r : ROWS) assertTrue(seen.add(r.get("hcpcs")), "duplicate row " + r.get("hcpcs"));
    }

    @ParameterizedTest(name = "{0} replaced by {2} after {1}")
    @CsvSource({"J9265, 2014-12-31, J9267", "J2505, 2021-12-31, J2506", "J9310, 2018-12-31, J9312",
            "J2920, 2024-12-31, J2919", "J2930, 2024-12-31, J2919"})
    void deletedCodesEndAndPointToTheirReplacement(String code, LocalDate lastDay, String replacement) {
        Drug old = drug(code);
        assertEquals(lastDay, old.effectiveTo());
        assertEquals(replacement, old.replacedBy());
        assertTrue(old.effectiveOn(lastDay));
        assertFalse(old.effectiveOn(lastDay.plusDays(1)), code + " must not be valid after " + lastDay);
        Drug next = drug(replacement);
        assertTrue(next.effectiveOn(lastDay.plusDays(1)), replacement + " must be valid the day after " + lastDay);
    }

    @Test
    void replacementsAreShippedOrListedAsNotShipped() throws IOException {
        String text;
        try (InputStream in = DrugTableTests.class.getResourceAsStream(DrugTable.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String notShipped = text.substring(text.indexOf("# NOT SHIPPED"), text.indexOf("\nhcpcs,"));
        for (Drug d : all()) {
            if (d.replacedBy() == null) continue;
            assertTrue(TABLE.isDrugCode(d.replacedBy()) || notShipped.contains(d.replacedBy()),
                    d.hcpcs() + " -> " + d.replacedBy() + ": replacement neither in the table nor in the NOT SHIPPED notes");
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"J9316, J9306|J9355|J3473", "J9144, J9145|J3473", "J9311, J9312|J3473", "J9356, J9355|J3473",
            "J9289, J9299|J3473", "J9024, J9022|J3473", "J2351, J2350|J3473"})
    void combinationProductsNameTheirSingleAgentCodes(String code, String components) {
        Drug d = drug(code);
        assertTrue(d.combinationProduct());
        assertEquals(List.of(components.split("\\|")), d.components());
        assertEquals(Route.SC, d.usualRoute(), code + " is a subcutaneous fixed-dose product");
    }

    @Test
    void everyComponentIsASingleAgentInTheTable() {
        for (Drug d : all()) {
            for (String c : d.components()) {
                assertTrue(TABLE.isDrugCode(c), d.hcpcs() + " component " + c + " missing");
                assertFalse(drug(c).combinationProduct(), d.hcpcs() + " component " + c + " is itself a combination");
                assertFalse(c.equals(d.hcpcs()), d.hcpcs() + " lists itself");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"J9217", "J9218", "J1952", "J1954", "J9202", "J3315", "J9155", "J9395"})
    void hormonalAntineoplastics(String code) {
        assertEquals(DrugClass.HORMONAL_ANTINEOPLASTIC, drug(code).drugClass());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "J1950, HORMONAL_ANTINEOPLASTIC", "J1951, HORMONAL_ANTINEOPLASTIC", "J3316, HORMONAL_ANTINEOPLASTIC", // GnRH agonists: the indication decides 96402 vs 96372
            "J9312, BIOLOGIC_RESPONSE_MODIFIER", "J1745, BIOLOGIC_RESPONSE_MODIFIER", "J2350, BIOLOGIC_RESPONSE_MODIFIER",
            "J9355, NON_HORMONAL_ANTINEOPLASTIC", "J9035, NON_HORMONAL_ANTINEOPLASTIC", "J9271, NON_HORMONAL_ANTINEOPLASTIC",
            "J9299, NON_HORMONAL_ANTINEOPLASTIC", "J9311, NON_HORMONAL_ANTINEOPLASTIC", "J9070, NON_HORMONAL_ANTINEOPLASTIC",
            "J2357, OTHER", "J1071, OTHER", "J3420, OTHER", "J0897, SUPPORTIVE",
            "J2506, SUPPORTIVE", "J1442, SUPPORTIVE", "Q5111, SUPPORTIVE", "J0881, SUPPORTIVE", "J0885, SUPPORTIVE",
            "J0640, SUPPORTIVE", "J0641, SUPPORTIVE", "J9209, SUPPORTIVE", "J2405, SUPPORTIVE", "J2469, SUPPORTIVE",
            "J1453, SUPPORTIVE", "J1100, SUPPORTIVE", "J2920, SUPPORTIVE", "J1200, SUPPORTIVE", "J1308, SUPPORTIVE",
            "J3489, SUPPORTIVE", "J1439, SUPPORTIVE", "J1756, SUPPORTIVE",
            "J7030, HYDRATION_FLUID", "J7040, HYDRATION_FLUID", "J7050, HYDRATION_FLUID"})
    void classesFollowNotesDecisions4To6(String code, DrugClass expected) {
        assertEquals(expected, drug(code).drugClass());
    }

    @Test
    void multiDoseProductsAreNotSingleDoseContainers() {
        for (String c : List.of("J1071", "J3420", "J7030", "J7040", "J7050", "J9045", "J9060")) {
            assertFalse(drug(c).singleDoseContainer(), c);
        }
        for (String c : List.of("J9312", "J9271", "J2506", "J9395", "J9316")) assertTrue(drug(c).singleDoseContainer(), c);
    }

    @Test
    void everyDrugCodeNamedInTheSeedsIsKnownUnlessListedAsNotShipped() throws IOException {
        // J/Q codes appearing in shared/seeds/*.txt (SEED-000..004)
        List<String> seedCodes = List.of("J0179", "J0640", "J1100", "J1200", "J1442", "J2405", "J2505", "J2920",
                "J8521", "J8530", "J8565", "J8999", "J9000", "J9022", "J9035", "J9042", "J9045", "J9060", "J9070",
                "J9119", "J9144", "J9171", "J9173", "J9177", "J9190", "J9201", "J9228", "J9263", "J9265", "J9271",
                "J9277", "J9289", "J9299", "J9305", "J9312", "J9316", "J9317", "J9354", "J9355", "J9358", "J9370",
                "J9395", "Q2042", "Q2053", "Q2055");
        String text;
        try (InputStream in = DrugTableTests.class.getResourceAsStream(DrugTable.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String notShipped = text.substring(text.indexOf("# NOT SHIPPED"), text.indexOf("\nhcpcs,"));
        for (String c : seedCodes) {
            assertTrue(TABLE.isDrugCode(c) || notShipped.contains(c), c + " neither shipped nor explained");
        }
        assertNull(TABLE.get("J9277", null), "Keytruda Qlex code is unverified and must not be shipped");
    }

    @Test
    void newestRowIsReturnedForAnUnknownDate() {
        Drug d = TABLE.get("J2506", LocalDate.of(2021, 6, 1));
        assertNotNull(d);
        assertFalse(d.effectiveOn(LocalDate.of(2021, 6, 1)), "J2506 starts 2022-01-01 [S-AMGEN]");
        assertTrue(drug("J2505").effectiveOn(LocalDate.of(2021, 6, 1)));
    }
}
