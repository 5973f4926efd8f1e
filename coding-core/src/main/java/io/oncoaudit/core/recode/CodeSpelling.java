package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Canonical spelling of the codes of one encounter: CPT/HCPCS procedure codes, modifiers, drug codes and
 * ICD-10-CM codes are upper case without surrounding blanks ({@code j9395} = {@code J9395}, {@code jz} =
 * {@code JZ}, {@code c50.911} = {@code C50.911}). The code sets are upper case; customer extracts are not
 * always. Applied by the {@link Recoder} before anything else, so the JSON codec and the batch agree.
 * Returns the same instance (no allocation) when every code is already canonical, which is the usual case.
 */
public final class CodeSpelling {
    private CodeSpelling() { }

    public static Encounter canonical(Encounter e) {
        if (isCanonical(e)) return e;
        List<ClaimLine> lines = new ArrayList<>(e.lines().size());
        for (ClaimLine l : e.lines()) {
            lines.add(new ClaimLine(l.lineNumber(), code(l.procedureCode()), codes(l.modifiers()), l.units(), l.ndc(),
                    l.chargeAmount(), l.allowedAmount(), l.paidAmount(), l.adjustmentReasonCodes(), l.remarkCodes(), l.revenueCode()));
        }
        List<Administration> admins = new ArrayList<>(e.administrations().size());
        for (Administration a : e.administrations()) {
            admins.add(new Administration(a.administrationId(), code(a.drugCode()), a.drugName(), a.dose(), a.doseUnit(), a.route(),
                    a.startTime(), a.endTime(), a.pump(), a.wasted(), a.lesionCount(), a.accessSite(), a.pumpOwner(), a.separateSiteReason()));
        }
        // every component, by the canonical constructor: only the codes' spelling changes
        return new Encounter(e.claimId(), e.patientId(), e.dateOfService(), e.billingNpi(), e.renderingNpi(), e.providerName(),
                e.payerId(), e.payerName(), e.placeOfService(), codes(e.diagnosisCodes()), lines, admins, e.claimType(), e.billType(),
                e.memberId(), e.patientName(), e.payerClaimNumber());
    }

    private static boolean isCanonical(Encounter e) {
        for (int i = 0, n = e.diagnosisCodes().size(); i < n; i++) if (!canonical(e.diagnosisCodes().get(i))) return false;
        for (int i = 0, n = e.lines().size(); i < n; i++) {
            ClaimLine l = e.lines().get(i);
            if (!canonical(l.procedureCode())) return false;
            for (int m = 0, mn = l.modifiers().size(); m < mn; m++) if (!canonical(l.modifiers().get(m))) return false;
        }
        for (int i = 0, n = e.administrations().size(); i < n; i++) if (!canonical(e.administrations().get(i).drugCode())) return false;
        return true;
    }

    /** Null, or no lower-case letter and no leading or trailing blank. */
    private static boolean canonical(String s) {
        if (s == null) return true;
        int n = s.length();
        if (n > 0 && (Chars.whitespace(s.charAt(0)) || Chars.whitespace(s.charAt(n - 1)))) return false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') return false;
        }
        return true;
    }

    private static String code(String s) { return s == null ? null : s.strip().toUpperCase(Locale.ROOT); }

    private static List<String> codes(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        for (String s : in) out.add(code(s));
        return out;
    }
}
