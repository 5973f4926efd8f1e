package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A fixed fee schedule for the recoder tests: CY2025 PFS national non-facility amounts of NOTES 2.2
 * (independent of the pricing package, which has its own tests) and round drug prices per unit.
 */
public final class TestFees implements FeeSchedule {
    public static final TestFees INSTANCE = new TestFees();
    private final Map<String, BigDecimal> prices = new HashMap<>();

    private TestFees() {
        String[] pfs = {"96360", "30.08", "96361", "11.64", "96365", "57.90", "96366", "19.41", "96367", "26.52", "96368", "18.44",
                "96372", "13.91", "96374", "33.96", "96375", "14.23", "96376", "0.00", "96377", "17.47", "96401", "66.31", "96402", "34.93",
                "96405", "79.57", "96406", "121.95", "96409", "92.51", "96411", "50.78", "96413", "119.36", "96415", "25.55", "96416", "117.42",
                "96417", "58.87", "96420", "94.45", "96422", "144.27", "96423", "66.96", "96425", "155.26", "96440", "692.86", "96446", "147.18",
                "96450", "153.97", "96521", "114.18", "96523", "23.29",
                // E/M, lesion injection, bladder instillation, implant, thoracentesis, spinal puncture (PPRRVU2025 Oct, CF 32.3465)
                "99211", "22.64", "99212", "54.99", "99213", "88.95", "99214", "125.18", "99215", "175.64", "11900", "55.64",
                "11901", "67.93", "51720", "86.37", "11981", "98.01", "32554", "222.22", "32555", "297.26", "62270", "141.68",
                "62272", "181.79"};
        for (int i = 0; i < pfs.length; i += 2) prices.put(pfs[i], new BigDecimal(pfs[i + 1]));
        String[] drugs = {"J9045", "10.00", "J9060", "2.00", "J9267", "0.10", "J9263", "0.50", "J9190", "1.50", "J0640", "1.20",
                "J9395", "35.00", "J9217", "190.00", "J1950", "180.00", "J9305", "25.00", "J9271", "58.00", "J9312", "90.00",
                "J9316", "150.00", "J9306", "14.00", "J9355", "80.00", "J3473", "1.00", "J2405", "0.10", "J1100", "0.10",
                "J2506", "240.00", "J3420", "0.50", "J0897", "18.00", "J9041", "40.00", "J9000", "5.00", "J9370", "9.00", "J7030", "1.00",
                "J9299", "30.00", "J9228", "150.00", "J9155", "3.00", "J9202", "250.00"};
        for (int i = 0; i < drugs.length; i += 2) prices.put(drugs[i], new BigDecimal(drugs[i + 1]));
    }

    @Override
    public BigDecimal perUnit(String payerId, String code, Setting setting, LocalDate dos) { return prices.get(code); }

    @Override
    public String fingerprint() { return "test"; }

    @Override
    public String description() { return "recoder test prices"; }
}
