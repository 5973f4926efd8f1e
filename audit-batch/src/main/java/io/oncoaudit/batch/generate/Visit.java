package io.oncoaudit.batch.generate;

import io.oncoaudit.core.model.FindingKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One generated encounter: the administration record and the lines a correct coder bills for it,
 * then (maybe) one injected coding error. {@code injected} is the ground truth for {@code score}.
 */
final class Visit {
    /** A billed line; mutable so that an injection can change it. */
    static final class Line {
        String code;
        int units;
        List<String> modifiers;
        String ndc;

        Line(String code, int units, List<String> modifiers) {
            this.code = code;
            this.units = units;
            this.modifiers = new ArrayList<>(modifiers);
        }

        boolean has(String m) { return modifiers.contains(m); }
    }

    record Admin(String id, String drugCode, String drugName, BigDecimal dose, String doseUnit, String route,
                 LocalDateTime start, LocalDateTime end, boolean pump, BigDecimal wasted, String accessSite, String separateSiteReason) {
        Admin(String id, String drugCode, String drugName, BigDecimal dose, String doseUnit, String route,
              LocalDateTime start, LocalDateTime end, boolean pump, BigDecimal wasted, String accessSite) {
            this(id, drugCode, drugName, dose, doseUnit, route, start, end, pump, wasted, accessSite, null);
        }
    }

    final String regimen;
    final String claimId;
    final String patientId;
    final LocalDate dateOfService;
    final Catalog.Provider provider;
    final Catalog.Payer payer;
    /** POS 22 visits are the hospital's institutional claim (TOB 131); a professional POS 22 claim only as an injected error. */
    String placeOfService;
    io.oncoaudit.core.model.ClaimType claimType = io.oncoaudit.core.model.ClaimType.PROFESSIONAL;
    String billType;
    final List<String> diagnoses = new ArrayList<>();
    final List<Admin> administrations = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final Set<FindingKind> injected = EnumSet.noneOf(FindingKind.class);

    Visit(String regimen, String claimId, String patientId, LocalDate dos, Catalog.Provider provider, Catalog.Payer payer,
          String pos) {
        this.regimen = regimen;
        this.claimId = claimId;
        this.patientId = patientId;
        this.dateOfService = dos;
        this.provider = provider;
        this.payer = payer;
        this.placeOfService = pos;
        if (pos.equals("22")) {
            claimType = io.oncoaudit.core.model.ClaimType.INSTITUTIONAL;
            billType = "131";
        }
    }

    /**
     * The revenue code of a line on the institutional claim: 0636 drugs requiring detailed coding, 0335 chemotherapy
     * administration (IV), 0260 IV therapy (other infusions and injections); null on a professional claim.
     */
    String revenueCode(String code) {
        if (claimType != io.oncoaudit.core.model.ClaimType.INSTITUTIONAL) return null;
        if (code.startsWith("J") || code.startsWith("Q")) return "0636";
        if (code.startsWith("964") || code.startsWith("965") || code.equals("G0498")) return "0335";
        return "0260";
    }

    Line line(String code) {
        for (Line l : lines) if (l.code.equals(code)) return l;
        return null;
    }
}
