package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.cms.AspQuarter;
import io.oncoaudit.core.tables.cms.AspQuarters;
import io.oncoaudit.core.tables.cms.OppsAddendumB;
import io.oncoaudit.core.tables.cms.OppsReleases;
import io.oncoaudit.core.tables.cms.Releases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in default (contract section 10): every line priced as Medicare would pay it on the date of service,
 * from the real CMS files shipped in the jar.
 * <ul>
 * <li>a drug code (one the ASP file of the quarter prices): the ASP payment limit per billing unit of the quarter
 *     holding the date of service, on either claim type; on a PROFESSIONAL claim at place of service 19 or 22 a drug
 *     is supplied and billed by the hospital: not payable on the physician's claim
 *     ({@link Quote.Source#DRUG_SUPPLIED_BY_HOSPITAL});</li>
 * <li>other codes on a PROFESSIONAL claim: the CMS PFS national amount (RVU total x CF, rounded to cents HALF_EVEN)
 *     for the setting of the place of service, or for one locality's GPCIs; a code whose facility price is NA in a
 *     facility setting is not payable to the professional ({@link Quote.Source#PFS_FACILITY_NA});</li>
 * <li>other codes on an INSTITUTIONAL claim: the OPPS Addendum B row of the release in force (status indicator,
 *     APC, payment rate); packaging by status indicator is a matter of the whole claim, decided by the recoder's
 *     pricer. K and G drugs are priced at the ASP limit (the Addendum B K rate equals it).</li>
 * </ul>
 * Tables are chosen by the date of service, or by {@code tablesAsOf} when set (a re-pricing "as of" other tables).
 * Immutable and thread-safe.
 */
public final class CmsDefaultSchedule implements FeeSchedule {
    /** The PFS release shipped, and the calendar year it prices. */
    static final String PFS_VERSION = "PFS 2025 October";
    static final int PFS_YEAR = 2025;

    private final CmsRelativeValueFile pfs;
    private final Gpci gpci;
    private final AspQuarters asp;
    private final OppsReleases opps;
    private final LocalDate tablesAsOf;
    private final Map<String, BigDecimal> chargeMaster;
    private final String fingerprint;
    private final String description;
    /** code -> {non-facility, facility} price per unit (null = no price in that setting) */
    private final Map<String, BigDecimal[]> pfsPrices;

    CmsDefaultSchedule(CmsRelativeValueFile pfs, Gpci gpci, AspQuarters asp, OppsReleases opps, LocalDate tablesAsOf,
                       Map<String, BigDecimal> chargeMaster, String fingerprint) {
        this.pfs = pfs;
        this.gpci = gpci;
        this.asp = asp;
        this.opps = opps;
        this.tablesAsOf = tablesAsOf;
        this.chargeMaster = chargeMaster == null ? Map.of() : Map.copyOf(chargeMaster);
        this.fingerprint = fingerprint;
        Map<String, BigDecimal[]> prices = new HashMap<>();
        for (RvuEntry e : pfs.globalEntries()) {
            BigDecimal[] p = new BigDecimal[2];
            for (Setting s : Setting.values()) {
                p[s == Setting.FACILITY ? 1 : 0] = gpci.national() ? e.nationalPerUnit(s) : e.perUnit(s, gpci);
            }
            prices.put(e.hcpcs(), p);
        }
        this.pfsPrices = Map.copyOf(prices);
        String where = gpci.national()
                ? "national amounts (all GPCIs 1.0)"
                : "locality " + gpci.macKey() + " / " + gpci.stateKey() + " " + gpci.localityName();
        this.description = "Built-in CMS Medicare default: " + PFS_VERSION + " relative value file (" + pfs.source() + "), "
                + where + " at CF " + pfs.conversionFactor().toPlainString() + " for professional claims; OPPS Addendum B "
                + opps.releases() + " for institutional outpatient claims; ASP payment limits per billing unit, quarters "
                + asp.quarters().get(0) + " to " + asp.quarters().get(asp.quarters().size() - 1) + ", for drugs"
                + (tablesAsOf == null ? "; tables chosen by date of service" : "; tables as of " + tablesAsOf)
                + (this.chargeMaster.isEmpty() ? "" : "; charge master of " + this.chargeMaster.size() + " codes")
                + ". Medicare national amounts, not commercial contracts (load those with --fee-schedule).";
    }

    @Override
    public boolean cmsDefault() { return true; }

    /** The date whose tables price a line. */
    private LocalDate tableDate(LocalDate dateOfService) { return tablesAsOf != null ? tablesAsOf : dateOfService; }

    public LocalDate tablesAsOf() { return tablesAsOf; }

    /** Professional semantics (contract section 2 API): the ASP limit of a drug, else the PFS amount for the setting. */
    @Override
    public BigDecimal perUnit(String payerId, String procedureCode, Setting setting, LocalDate dateOfService) {
        AspQuarter q = asp.quarter(tableDate(dateOfService));
        BigDecimal limit = q.paymentLimit(procedureCode);
        if (limit != null) return limit;
        BigDecimal[] p = pfsPrices.get(procedureCode);
        return p == null ? null : p[setting == Setting.FACILITY ? 1 : 0];
    }

    /** A cached "no price" (ConcurrentHashMap holds no null). */
    private static final Quote NONE = new Quote(BigDecimal.ZERO, Quote.Source.FEE_SCHEDULE, "none", null, null, null);
    /** Quotes by claim variant and table month, then code: they depend on nothing else, so each is built once. */
    @SuppressWarnings("unchecked")
    private final java.util.concurrent.ConcurrentHashMap<String, Quote>[] cache = new java.util.concurrent.ConcurrentHashMap[1200 * 5];

    @Override
    public Quote quote(Encounter e, String code) { return quote(e, code, cacheKey(e)); }

    /**
     * What the quotes of this encounter's claim depend on besides the code (claim variant and table month), for
     * {@link #quote(Encounter, String, int)}: a recoder computes it once per encounter. -1 outside the cached years.
     */
    public int cacheKey(Encounter e) {
        LocalDate d = tableDate(e.dateOfService());
        int variant;
        if (e.claimType() == ClaimType.INSTITUTIONAL) variant = e.hospitalOutpatient() ? 0 : 1;
        else {
            String pos = e.placeOfService() == null ? "" : e.placeOfService().strip();
            variant = pos.equals("19") || pos.equals("22") ? 2 : e.setting() == Setting.FACILITY ? 3 : 4;
        }
        int month = (d.getYear() - 2000) * 12 + d.getMonthValue() - 1;
        return month < 0 || month >= 1200 ? -1 : month * 5 + variant;
    }

    /** {@link #quote(Encounter, String)} with the encounter's {@link #cacheKey}. */
    public Quote quote(Encounter e, String code, int cacheKey) {
        if (cacheKey < 0) return compute(e, code, tableDate(e.dateOfService()));
        java.util.concurrent.ConcurrentHashMap<String, Quote> m = cache[cacheKey];
        if (m == null) {
            synchronized (cache) {
                m = cache[cacheKey];
                if (m == null) cache[cacheKey] = m = new java.util.concurrent.ConcurrentHashMap<>();
            }
        }
        Quote q = m.get(code);
        if (q == null) {
            q = compute(e, code, tableDate(e.dateOfService()));
            if (q == null) q = NONE;
            if (m.size() < 50_000) m.put(code, q);
        }
        return q == NONE ? null : q;
    }

    private Quote compute(Encounter e, String code, LocalDate d) {
        Releases.Selection<AspQuarter> aq = asp.select(d);
        AspQuarter.Entry drug = aq.table().get(code);
        if (e.claimType() == ClaimType.INSTITUTIONAL) return institutional(e, code, d, aq, drug);
        if (drug != null || isDrugCode(code)) {
            String pos = e.placeOfService() == null ? "" : e.placeOfService().strip();
            if (pos.equals("19") || pos.equals("22")) {
                return new Quote(BigDecimal.ZERO.setScale(2), Quote.Source.DRUG_SUPPLIED_BY_HOSPITAL, aq.version(), null, null, aq.warning());
            }
            if (drug != null) return new Quote(drug.paymentLimit(), Quote.Source.ASP, aq.version(), null, null, aq.warning());
        }
        BigDecimal[] p = pfsPrices.get(code);
        if (p == null) return null;
        String warning = d.getYear() == PFS_YEAR ? null
                : "PFS: no relative value file shipped for " + d.getYear() + "; priced from the nearest release, " + PFS_VERSION;
        Setting s = e.setting();
        BigDecimal price = p[s == Setting.FACILITY ? 1 : 0];
        if (price == null) {
            RvuEntry r = pfs.get(code);
            if (s == Setting.FACILITY && r != null && r.naIn(Setting.FACILITY) && r.nationalPerUnit(Setting.NONFACILITY) != null) {
                return new Quote(BigDecimal.ZERO.setScale(2), Quote.Source.PFS_FACILITY_NA, PFS_VERSION, null, null, warning);
            }
            return null;
        }
        return new Quote(price, Quote.Source.PFS, PFS_VERSION, null, null, warning);
    }

    /** Depends on the claim only through its variant (claim type, TOB 13x, POS 19/22, setting): see the cache key. */
    private Quote institutional(Encounter e, String code, LocalDate d, Releases.Selection<AspQuarter> aq, AspQuarter.Entry drug) {
        Releases.Selection<OppsAddendumB> os = opps.select(d);
        OppsAddendumB.Entry o = os.table().get(code);
        String warning = os.warning();
        if (!e.hospitalOutpatient()) {
            String w = "the institutional claim's type of bill is not hospital outpatient (13x): priced on OPPS as the nearest "
                    + "built-in schedule";
            warning = warning == null ? w : warning + "; " + w;
        }
        if (o == null) {
            if (drug != null) return new Quote(drug.paymentLimit(), Quote.Source.ASP, aq.version(), null, null, join(warning, aq.warning()));
            return null;
        }
        String si = o.statusIndicator();
        if ((si.equals("K") || si.equals("G")) && drug != null) {
            return new Quote(drug.paymentLimit(), Quote.Source.ASP, os.version() + "; " + aq.version(), si, o.apc(), join(warning, aq.warning()));
        }
        BigDecimal rate = o.paymentRate() == null ? BigDecimal.ZERO.setScale(2) : o.paymentRate();
        return new Quote(rate, Quote.Source.OPPS, os.version(), si, o.apc().isEmpty() ? null : o.apc(), warning);
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "; " + b;
    }

    /** HCPCS J codes are drugs (and the ASP file prices the rest of the Part B drugs). */
    static boolean isDrugCode(String code) {
        return code != null && code.length() == 5 && code.charAt(0) == 'J';
    }

    @Override
    public BigDecimal chargePerUnit(String code) { return chargeMaster.get(code); }

    @Override
    public String versionLabel() { return "CMS default"; }

    @Override
    public Map<String, String> tableVersions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PFS_VERSION, "shipped " + pfs.source() + (gpci.national() ? " (national)" : " (locality " + gpci.macKey() + ")"));
        m.putAll(asp.sources());
        for (var r : opps.releases()) m.put("OPPS " + r, "shipped addendum-b-" + r + ".csv");
        if (tablesAsOf != null) m.put("tables as of", tablesAsOf.toString());
        if (!chargeMaster.isEmpty()) m.put("charge master", chargeMaster.size() + " codes");
        return m;
    }

    /** The ASP quarters in use (shipped plus any loaded). */
    public AspQuarters asp() { return asp; }

    public OppsReleases opps() { return opps; }

    @Override
    public String fingerprint() { return fingerprint; }

    @Override
    public String description() { return description; }
}
