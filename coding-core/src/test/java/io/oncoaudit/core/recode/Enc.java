package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test builder for encounters: terse, so that each test reads as the clinical scenario it checks. */
public final class Enc {
    String claimId = "C-1";
    String payer = "MEDICARE";
    String pos = "11";
    LocalDate dos = LocalDate.of(2026, 3, 2);
    List<String> dx = new ArrayList<>(List.of("C50.911"));
    final List<ClaimLine> lines = new ArrayList<>();
    final List<Administration> admins = new ArrayList<>();
    private LocalDateTime clock = LocalDateTime.of(2026, 3, 2, 9, 0);

    public static Enc medicare() { return new Enc(); }

    public Enc payer(String p) { payer = p; return this; }

    public Enc pos(String p) { pos = p; return this; }

    public Enc dos(String d) { dos = LocalDate.parse(d); clock = dos.atTime(9, 0); return this; }

    public Enc dx(String... codes) { dx = new ArrayList<>(Arrays.asList(codes)); return this; }

    /** A billed line; modifiers given as "CODE" or "CODE:MOD1|MOD2". */
    public Enc bill(String codeAndMods, int units) {
        String[] p = codeAndMods.split(":");
        List<String> mods = p.length > 1 ? Arrays.asList(p[1].split("\\|")) : List.of();
        lines.add(new ClaimLine(lines.size() + 1, p[0], mods, BigDecimal.valueOf(units), null, new BigDecimal("100.00"),
                null, null, List.of(), List.of()));
        return this;
    }

    public Enc billDenied(String code, int units, String carc) {
        lines.add(new ClaimLine(lines.size() + 1, code, List.of(), BigDecimal.valueOf(units), null, new BigDecimal("100.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"), List.of(carc), List.of()));
        return this;
    }

    /** An IV administration starting at HH:MM and lasting {@code minutes}. */
    public Enc iv(String drug, String dose, String unit, String start, int minutes) {
        return timed(Route.IV, drug, dose, unit, start, minutes, false, null, null);
    }

    public Enc ivAt(String drug, String dose, String unit, String start, int minutes, String access) {
        return timed(Route.IV, drug, dose, unit, start, minutes, false, null, access);
    }

    public Enc pump(String drug, String dose, String unit, String start, int minutes) {
        return timed(Route.IV, drug, dose, unit, start, minutes, true, null, null);
    }

    public Enc ivWaste(String drug, String dose, String unit, String start, int minutes, String wasted) {
        return timed(Route.IV, drug, dose, unit, start, minutes, false, new BigDecimal(wasted), null);
    }

    public Enc timed(Route route, String drug, String dose, String unit, String start, int minutes, boolean pump, BigDecimal wasted, String access) {
        LocalDateTime s = dos.atTime(Integer.parseInt(start.substring(0, 2)), Integer.parseInt(start.substring(3)));
        admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(dose), DoseUnit.parse("doseUnit", unit), route,
                s, s.plusMinutes(minutes), pump, wasted, null, access));
        return this;
    }

    public Enc inject(Route route, String drug, String dose, String unit) {
        admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(dose), DoseUnit.parse("doseUnit", unit), route,
                null, null, false, null, null, null));
        return this;
    }

    public Enc add(Administration a) { admins.add(a); return this; }

    /** A pump hook-up (pump: true) with a documented pump owner (null = unknown). */
    public Enc pumpOwned(String drug, String dose, String unit, String start, int minutes, io.oncoaudit.core.model.PumpOwner owner) {
        LocalDateTime s = dos.atTime(Integer.parseInt(start.substring(0, 2)), Integer.parseInt(start.substring(3)));
        admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(dose), DoseUnit.parse("doseUnit", unit), Route.IV,
                s, s.plusMinutes(minutes), true, null, null, null, owner, null));
        return this;
    }

    /** An IV administration through {@code access}, with the documented reason for a separate site (null = none). */
    public Enc ivSite(String drug, String dose, String unit, String start, int minutes, String access, String separateSiteReason) {
        LocalDateTime s = dos.atTime(Integer.parseInt(start.substring(0, 2)), Integer.parseInt(start.substring(3)));
        admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(dose), DoseUnit.parse("doseUnit", unit), Route.IV,
                s, s.plusMinutes(minutes), false, null, null, access, null, separateSiteReason));
        return this;
    }

    /** An intralesional administration into {@code lesions} lesions. */
    public Enc intralesional(String drug, String dose, String unit, int lesions) {
        admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(dose), DoseUnit.parse("doseUnit", unit),
                Route.INTRALESIONAL, null, null, false, null, lesions, null));
        return this;
    }

    /** A claim needs a line: scenarios that bill nothing else carry a venipuncture (36415), hidden from {@code lines()}. */
    public Encounter build() {
        if (lines.isEmpty()) bill("36415", 1);
        return new Encounter(claimId, "P-1", dos, "1234567893", null, "Oncology Associates", payer, null, pos, dx, lines, admins);
    }
}
