package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Codes;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.Quote;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.family.ChemotherapyFamily;
import io.oncoaudit.core.rules.hierarchy.SeparateAccess;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.PayerPolicy;
import io.oncoaudit.core.tables.ReferenceTables;
import io.oncoaudit.core.tables.cms.NdcCrosswalk;
import io.oncoaudit.core.tables.cms.NdcCrosswalks;
import io.oncoaudit.core.tables.cms.Releases;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coding plan of one encounter: what the rules have decided so far (administration codes, IV services and their
 * place in the hierarchy, drug lines, findings). The recoder creates one per encounter and runs the steps of the
 * encounter's mode on it; each rule's guard reads it and its action writes it.
 */
public final class CodingPlan {
    final Context ctx;
    final io.oncoaudit.core.tables.ncci.NcciEdits ncci;
    final List<Finding> findings = new ArrayList<>(); // most encounters have none: no array until the first
    /** Every expected line (administration codes, drug lines, pass-through lines), before aggregation. */
    final List<Coded> expected = new ArrayList<>(8);
    List<ExpectedLine> lines;
    boolean comboSplit;
    AdminComparison comparison;
    private ClaimsOnlyPlan claimsOnly;
    long billedCents, expectedCents;

    // the administration being coded (full mode)
    private Administration administration;
    private Drug drug;
    private AdminFamily family;
    private boolean familyDecided;
    private int separateSites = -1;

    /** Services outside the IV hierarchy (SC/IM, route-specific, pump starts), in record order. */
    private final List<Coded> standAlone = new ArrayList<>();
    private List<IvService> iv = new ArrayList<>();
    private List<IvService> hydration; // rare: created with the first
    private List<Administration> intraArterial; // rare: created with the first
    private EnumSet<CodeGroup> frozen;
    private List<List<IvService>> ivGroups;
    /** The IV hierarchy's codes, then the intra-arterial ones. */
    private final List<Coded> hierarchy = new ArrayList<>(4);
    private List<Coded> administrationCodes;

    // the IV access group being placed
    private int groupIndex;
    private IvService groupInitial;
    private boolean groupHasOthers;
    private List<IvService> placedInfusions;
    private List<String> pushedDrugs;
    private List<LocalDateTime> pushEnds;
    private boolean concurrentUsed;

    private List<DrugExpectation> drugs;
    /** Claims-only: the single-dose-container drug codes already checked for a missing JW/JZ. */
    private List<String> jwJzChecked;

    private Releases.Selection<NdcCrosswalk> ndcCrosswalk;
    private Map<String, NdcCrosswalk.Row> ndcPackages;

    CodingPlan(Context ctx, io.oncoaudit.core.tables.ncci.NcciEdits ncci) {
        this.ctx = ctx;
        this.ncci = ncci;
    }

    // ---- the encounter and its tables

    public Encounter encounter() { return ctx.encounter; }

    public ReferenceTables tables() { return ctx.tables; }

    public PayerPolicy payer() { return ctx.payer; }

    public Setting setting() { return ctx.setting; }

    public boolean cancerDiagnosis() { return ctx.cancerDiagnosis; }

    /** The drug table's entry for a code on the date of service (null = unknown). */
    public Drug drug(String code) { return ctx.drug(code); }

    public AdminCode admin(String code) { return ctx.admin(code); }

    public void warn(String warning) { ctx.warn(warning); }

    /** Lists a drug for review (OA-FAM-003). */
    public void unclassified(String administrationId, String drugCode, String drugName, String reason) {
        ctx.unclassified(administrationId, drugCode, drugName, reason);
    }

    public void uncheckedDrug(String code) { ctx.uncheckedDrug(code); }

    public boolean isUncheckedDrug(String code) { return ctx.isUncheckedDrug(code); }

    /** Units billed for {@code code} on its JW lines ({@code waste}) or on its other lines. */
    public int billedUnits(String code, boolean waste) {
        int i = billedIndex(code);
        return i < 0 ? 0 : billed[3 * i + (waste ? 1 : 2)];
    }

    /** The first billed line of {@code code}, or null. */
    public ClaimLine firstLine(String code) {
        int i = billedIndex(code);
        return i < 0 ? null : ctx.encounter.lines().get(billed[3 * i]);
    }

    /** Units billed for {@code code} on all its lines. */
    public int billedUnits(String code) {
        int i = billedIndex(code);
        return i < 0 ? 0 : billed[3 * i + 1] + billed[3 * i + 2];
    }

    // the billed codes, each once in claim order, with (index of its first line, units on JW lines, units on other lines):
    // built on first use, as the rules ask these of the same few codes many times
    private String[] billedCodes;
    private int[] billed;
    private int billedCodeCount;

    // the rules of one drug ask the same code (the same String) several times in a row
    private String lastBilledCode;
    private int lastBilledIndex;

    private int billedIndex(String code) {
        if (code == lastBilledCode && code != null) return lastBilledIndex;
        if (billedCodes == null) indexBilledLines();
        int found = -1;
        for (int i = 0; i < billedCodeCount; i++) if (Codes.same(billedCodes[i], code)) { found = i; break; }
        lastBilledCode = code;
        lastBilledIndex = found;
        return found;
    }

    private void indexBilledLines() {
        List<ClaimLine> lines = ctx.encounter.lines();
        int n = lines.size();
        String[] codes = new String[n];
        int[] b = new int[3 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            ClaimLine l = lines.get(i);
            String c = l.procedureCode();
            int j = 0;
            while (j < k && !Codes.same(codes[j], c)) j++;
            if (j == k) {
                codes[k++] = c;
                b[3 * j] = i;
            }
            b[3 * j + (l.hasModifier("JW") ? 1 : 2)] += l.wholeUnits();
        }
        billed = b;
        billedCodeCount = k;
        billedCodes = codes;
    }

    // ---- money and findings

    public BigDecimal amount(String code, int units) { return ctx.pricer.amount(code, units); }

    public BigDecimal perUnit(String code) { return ctx.pricer.perUnit(code); }

    /** A finding valued as contract section 6 says (see {@code Findings.make}), added to the encounter's findings. */
    public void finding(FindingKind kind, String ruleId, String billedCode, String expectedCode, int billedUnits, int expectedUnits,
                        BigDecimal billedValue, BigDecimal expectedValue, Direction forced, Direction whenEqual, String explanation,
                        Integer lineNumber) {
        findings.add(Findings.make(ctx, kind, ruleId, billedCode, expectedCode, billedUnits, expectedUnits, billedValue, expectedValue,
                forced, whenEqual, explanation, lineNumber));
    }

    public List<Finding> findings() { return findings; }

    /** A finding valued as {@link #finding} does, returned (not added) for a decision that adds details to it. */
    public Finding makeFinding(FindingKind kind, String ruleId, String billedCode, String expectedCode, int billedUnits, int expectedUnits,
                               BigDecimal billedValue, BigDecimal expectedValue, Direction forced, Direction whenEqual, String explanation,
                               Integer lineNumber) {
        return Findings.make(ctx, kind, ruleId, billedCode, expectedCode, billedUnits, expectedUnits, billedValue, expectedValue,
                forced, whenEqual, explanation, lineNumber);
    }

    /** The built-in CMS default prices this claim with the lesser of charge and price (a professional claim). */
    public boolean cmsProfessionalDefault() { return ctx.pricer.lesserOf(); }

    /** The fee schedule's quote of a code (cached for the encounter; a code without a price is warned once), or null. */
    public Quote quote(String code) { return ctx.pricer.quote(code); }

    /** The appeal language of a finding built by a decision itself (see {@code Findings.appealText}). */
    public String appealText(FindingKind kind, Direction d, Rule rule, String billed, String expected, int billedUnits, int expectedUnits,
                             String explanation) {
        return Findings.appealText(ctx, kind, d, rule, billed, expected, billedUnits, expectedUnits, explanation);
    }

    // ---- pricing (OA-PRICE-001: the prices are the pricer's, FeeSchedulePricing adds them up)

    /** An institutional claim under the built-in default: priced as one OPPS claim. */
    public boolean oppsClaim() { return ctx.pricer.opps(); }

    /** Price x units of a code in exact cents (0 without a price, warned once). */
    public long cents(String code, long units) { return ctx.pricer.cents(code, units); }

    /** The OPPS payment of the billed claim in cents. */
    public long oppsBilledCents() { return ctx.pricer.billedClaim().total(); }

    /** The OPPS payment of a claim of these codes and units in cents. */
    public long oppsCents(String[] codes, long[] units) { return ctx.pricer.claim(codes, units).total(); }

    /** The charge master's charge per unit of a code, or null. */
    public BigDecimal chargeMasterPerUnit(String code) { return ctx.pricer.fees().chargePerUnit(code); }

    /** The charge of {@code units} units of a billed line (see {@code Findings.chargeFor}), or null. */
    public BigDecimal chargeFor(ClaimLine line, long units) { return Findings.chargeFor(line, units); }

    /** The billed and expected totals in exact cents. */
    public void totals(long billedCents, long expectedCents) {
        this.billedCents = billedCents;
        this.expectedCents = expectedCents;
    }

    public long billedCents() { return billedCents; }

    public long expectedCents() { return expectedCents; }

    /** Every expected line so far (administration codes, drug lines, pass-through lines), before aggregation. */
    public List<Coded> expectedCodes() { return expected; }

    /** The expected lines merged by code and modifiers (null before the aggregation step). */
    public List<ExpectedLine> expectedLines() { return lines; }

    /** The NCCI edits in force (the shipped public-text pairs plus {@code --ncci DIR}). */
    public io.oncoaudit.core.tables.ncci.NcciEdits ncci() { return ncci; }

    /** The warnings so far. */
    public List<String> warnings() { return ctx.warnings(); }

    // ---- the administration record (full mode)

    /** Sets the administration the item decisions of the record step read (the step does this for each administration). */
    public void startAdministration(Administration a) {
        administration = a;
        drug = ctx.drug(a.drugCode());
        family = null;
        familyDecided = false;
    }

    /** The drug of the administration being coded (null = not in the drug table). */
    public Drug currentDrug() { return drug; }

    /** The administration family of the administration being coded (OA-FAM-001/002): decided on first use. */
    public AdminFamily currentFamily() {
        if (!familyDecided) {
            family = ChemotherapyFamily.of(drug, ctx.cancerDiagnosis, ctx.payer);
            familyDecided = true;
        }
        return family;
    }

    /** OA-HIER-002 guard, once per encounter: access sites separate hierarchies only when the record documents why. */
    public boolean separateSites() {
        if (separateSites < 0) separateSites = SeparateAccess.reasonDocumented(ctx.encounter.administrations()) ? 1 : 0;
        return separateSites == 1;
    }

    /** A service outside the IV hierarchy, in record order. */
    public void standAlone(Coded c) { standAlone.add(c); }

    /** A new IV service (drug infusion or push) of the administration being coded. */
    public void ivService(IvService.Mode mode) {
        iv.add(new IvService(administration, drug, currentFamily(), mode, administration.minutes(), separateSites()));
    }

    /** A new hydration service of the administration being coded. */
    public void hydrationService() {
        if (hydration == null) hydration = new ArrayList<>(2);
        hydration.add(new IvService(administration, drug, currentFamily(), IvService.Mode.INFUSION, administration.minutes(), separateSites()));
    }

    public void intraArterial(Administration a) {
        if (intraArterial == null) intraArterial = new ArrayList<>(1);
        intraArterial.add(a);
    }

    public List<Administration> intraArterialAdministrations() { return intraArterial == null ? List.of() : intraArterial; }

    public List<IvService> ivServices() { return iv; }

    public void ivServices(List<IvService> services) { iv = services; }

    public List<IvService> hydrationServices() { return hydration == null ? List.of() : hydration; }

    public void hydrationServices(List<IvService> services) { hydration = services; }

    /** Route groups whose billed administration codes are kept as billed (OA-FAM-003); null when none. */
    public EnumSet<CodeGroup> frozenGroups() { return frozen; }

    public void freeze(EnumSet<CodeGroup> groups) {
        if (frozen == null) frozen = EnumSet.noneOf(CodeGroup.class);
        frozen.addAll(groups);
    }

    /** The IV services by access group (OA-HIER-002), each group's initial service first (OA-HIER-001); null before grouping. */
    public List<List<IvService>> ivGroups() { return ivGroups; }

    public void ivGroups(List<List<IvService>> groups) { ivGroups = groups; }

    /** A code of the IV hierarchy or the intra-arterial service, in placing order. */
    public void hierarchyCode(Coded c) { hierarchy.add(c); }

    /** The IV hierarchy's and intra-arterial codes placed so far. */
    public List<Coded> hierarchyCodes() { return hierarchy; }

    /** The services outside the IV hierarchy so far, in record order. */
    public List<Coded> standAloneCodes() { return standAlone; }

    /** Starts placing an access group (the hierarchy step does this for each group): its first service is the initial. */
    public void startIvGroup(int index, List<IvService> group) {
        groupIndex = index;
        groupInitial = group.get(0);
        groupHasOthers = group.size() > 1;
        groupInitial.placement = IvService.Placement.INITIAL;
        placedInfusions = new ArrayList<>();
        if (groupInitial.mode == IvService.Mode.INFUSION && groupInitial.family != AdminFamily.HYDRATION) placedInfusions.add(groupInitial);
        pushedDrugs = new ArrayList<>(2);
        pushEnds = new ArrayList<>(2);
        if (groupInitial.mode == IvService.Mode.PUSH) {
            pushedDrugs.add(groupInitial.first.drugCode());
            pushEnds.add(groupInitial.first.endTime());
        }
    }

    /** The access group being placed: 0 is the primary access, a higher index a separate access site. */
    public int groupIndex() { return groupIndex; }

    public IvService groupInitial() { return groupInitial; }

    public boolean groupHasOthers() { return groupHasOthers; }

    /** The infusions of the group placed so far (to tell concurrent from sequential). */
    public List<IvService> placedInfusions() { return placedInfusions; }

    /** The drugs pushed in the group so far and when each push ended. */
    public List<String> pushedDrugs() { return pushedDrugs; }

    public List<LocalDateTime> pushEnds() { return pushEnds; }

    /** 96368 is reported once per encounter. */
    public boolean concurrentUsed() { return concurrentUsed; }

    public void useConcurrent() { concurrentUsed = true; }

    /** The administration codes derived from the record: the IV hierarchy, the intra-arterial service, then the others in record order. */
    public List<Coded> administrationCodes() {
        if (administrationCodes == null) {
            administrationCodes = hierarchy;
            administrationCodes.addAll(standAlone);
        }
        return administrationCodes;
    }

    public void administrationCodes(List<Coded> codes) { administrationCodes = codes; }

    // ---- drugs

    /** Claims-only (OA-WASTE-001): true the first time a drug code is checked for a missing JW/JZ. */
    public boolean firstJwJzCheck(String code) {
        if (jwJzChecked == null) jwJzChecked = new ArrayList<>(2);
        if (jwJzChecked.contains(code)) return false;
        jwJzChecked.add(code);
        return true;
    }

    // ---- NDC

    /** The CMS ASP NDC-HCPCS crosswalk of the quarter holding the date of service, selected on first use. */
    public Releases.Selection<NdcCrosswalk> ndcCrosswalk() {
        if (ndcCrosswalk == null) ndcCrosswalk = NdcCrosswalks.shipped().select(ctx.encounter.dateOfService());
        return ndcCrosswalk;
    }

    /** OA-NDC-002 keeps, per billed code, the crosswalk row (package) of the first line whose NDC it lists under the code. */
    public void ndcPackage(String code, NdcCrosswalk.Row row) {
        if (ndcPackages == null) ndcPackages = new LinkedHashMap<>();
        ndcPackages.putIfAbsent(code, row);
    }

    /** The packages kept by OA-NDC-002 in first-seen order (OA-NDC-003 reads them); empty when none. */
    public Map<String, NdcCrosswalk.Row> ndcPackages() { return ndcPackages == null ? Map.of() : ndcPackages; }

    /** Claims-only mode: the billed codes and drugs and the codes re-coded from them (created on first use). */
    public ClaimsOnlyPlan claimsOnly() {
        if (claimsOnly == null) claimsOnly = new ClaimsOnlyPlan();
        return claimsOnly;
    }

    /** The administration comparison under way (its decisions accept alternatives on it). */
    public AdminComparison comparison() { return comparison; }

    /** A combination product was billed as its components (the comparison reads it for the extra SC/IM codes). */
    public void combinationSplit() { comboSplit = true; }

    /** The drug codes of the record in record order (full mode), created on first use. */
    public List<DrugExpectation> drugs() {
        if (drugs == null) {
            List<Administration> all = ctx.encounter.administrations();
            drugs = new ArrayList<>(all.size());
            for (int ai = 0; ai < all.size(); ai++) {
                String code = all.get(ai).drugCode();
                boolean seen = false;
                for (int j = 0; j < ai && !seen; j++) seen = Codes.same(all.get(j).drugCode(), code);
                if (seen) continue;
                Drug d = ctx.drug(code);
                if (d == null) continue; // unknown: billed lines pass through (warned by the administration rules)
                drugs.add(new DrugExpectation(code, d, ai));
            }
        }
        return drugs;
    }
}
