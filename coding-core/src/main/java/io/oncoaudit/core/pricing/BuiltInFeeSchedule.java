package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The default schedule (NOTES product decision 11): for every payer ('*'), the CMS PFS amount of each code with a
 * global row in the shipped relative value file, per setting (national, or one locality's GPCIs), and a price per
 * HCPCS billing unit for drugs from an ASP-layout file. Codes without a PFS price (status C, E, I, ... or NA in a
 * setting) get no row, so the caller warns; status X codes are priced 0.00.
 */
final class BuiltInFeeSchedule implements FeeSchedule {
    private final FeeIndex index;
    private final String fingerprint;
    private final String description;

    BuiltInFeeSchedule(CmsRelativeValueFile rvu, Gpci gpci, AspPricingFile drugs, String fingerprint, String drugNote) {
        List<FeeRow> rows = new ArrayList<>();
        long line = 0;
        for (RvuEntry e : rvu.globalEntries()) {
            for (Setting s : Setting.values()) {
                BigDecimal price = gpci.national() ? e.nationalPerUnit(s) : e.perUnit(s, gpci);
                if (price != null) rows.add(new FeeRow(FeeRow.ANY_PAYER, e.hcpcs(), s, price, null, null, ++line));
            }
        }
        int drugCount = 0;
        for (AspPricingFile.Entry d : drugs.entries().values()) {
            if (rvu.get(d.hcpcs()) != null && rvu.get(d.hcpcs()).nationalPerUnit(Setting.NONFACILITY) != null) continue;
            rows.add(new FeeRow(FeeRow.ANY_PAYER, d.hcpcs(), null, d.paymentLimit(), null, null, d.line()));
            drugCount++;
        }
        this.index = FeeIndex.of("built-in fee schedule", rows);
        this.fingerprint = fingerprint;
        String where = gpci.national()
                ? "national amounts (all GPCIs 1.0)"
                : "locality " + gpci.macKey() + " / " + gpci.stateKey() + " " + gpci.localityName() + " (GPCI work "
                        + gpci.work().toPlainString() + ", PE " + gpci.practiceExpense().toPlainString() + ", MP "
                        + gpci.malpractice().toPlainString() + ")";
        this.description = "Built-in: CMS PFS CY2025 relative value file, October release (" + rvu.source() + "), "
                + where + " at CF " + rvu.conversionFactor().toPlainString() + " for all payers; " + drugCount
                + " drug prices per HCPCS billing unit from " + drugs.source() + " - " + drugNote;
    }

    @Override
    public BigDecimal perUnit(String payerId, String procedureCode, Setting setting, LocalDate dateOfService) {
        return index.find(payerId, procedureCode, setting, dateOfService);
    }

    @Override
    public String fingerprint() { return fingerprint; }

    @Override
    public String description() { return description; }
}
