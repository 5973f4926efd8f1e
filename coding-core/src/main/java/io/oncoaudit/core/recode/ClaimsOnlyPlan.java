package io.oncoaudit.core.recode;

import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminSlot;
import io.oncoaudit.core.tables.Drug;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Claims-only mode (no administration record): what the decisions know about the billed administration codes and
 * the billed drugs, and the codes they re-code. Assembled as the SC/IM codes, the IV codes (unless every billed drug
 * is SC/IM-only), then the other codes.
 */
public final class ClaimsOnlyPlan {
    /** Billed administration codes by group: SC/IM injections, IV services and hours, the others (route-specific, 96377, ...). */
    public List<Coded> scIm = new ArrayList<>(2);
    public List<Coded> iv = new ArrayList<>(4);
    public final List<Coded> other = new ArrayList<>(2);

    /** Combination products billed as all their components, and those components. */
    public List<Drug> combinations;
    public final Set<String> components = new HashSet<>();
    /** Billed drugs given SC/IM (one SC/IM code each); IV drugs whose label allows SC/IM; drugs of their own route (51720, 11981). */
    public final List<Drug> scImDrugs = new ArrayList<>(2);
    public final List<Drug> scImCapable = new ArrayList<>(1);
    public final List<Drug> localDrugs = new ArrayList<>(1);
    /** Billed IV drugs by family, and their names for explanations. */
    public int chemoIv, nonChemoIv, unknown;
    public final List<String> ivNames = new ArrayList<>(4);
    /** Set when every billed drug is SC/IM-only: no IV administration code is kept or recommended. */
    public boolean scImOnly;

    /** A billed administration code, in the group of the billed code {@code billed}. */
    public void billed(AdminCode billed, Coded c) {
        CodeGroup g = CodeGroup.of(billed.slot());
        if (billed.slot() == AdminSlot.SC_IM_INJECTION) scIm.add(c);
        else if (g == CodeGroup.SERVICE || g == CodeGroup.HOUR) iv.add(c);
        else other.add(c);
    }

    public int billedScImUnits() {
        int n = 0;
        for (Coded b : scIm) n += b.units;
        return n;
    }

    public static boolean containsCode(List<Drug> list, String code) {
        for (Drug d : list) if (d.hcpcs().equals(code)) return true;
        return false;
    }

    List<Coded> codes() {
        List<Coded> out = new ArrayList<>(scIm.size() + iv.size() + other.size());
        out.addAll(scIm);
        if (!scImOnly) out.addAll(iv);
        out.addAll(other);
        return out;
    }
}
