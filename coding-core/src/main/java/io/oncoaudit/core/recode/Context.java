package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.PayerPolicy;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.ArrayList;
import java.util.List;

/** Everything the rules need about one encounter, computed once. */
final class Context {
    final Encounter encounter;
    final ReferenceTables tables;
    final PayerPolicy payer;
    final Setting setting;
    final boolean cancerDiagnosis;
    final Pricer pricer;
    private List<String> warnings; // most encounters have none: created on the first warning
    private List<String> unchecked;
    private List<io.oncoaudit.core.model.UnclassifiedDrug> unclassified; // drug codes whose documented dose cannot be converted to billing units

    Context(Encounter encounter, ReferenceTables tables, PayerPolicy payer, Pricer pricer) {
        this.encounter = encounter;
        this.tables = tables;
        this.payer = payer;
        this.setting = encounter.setting();
        this.cancerDiagnosis = tables.neoplasms().anyCancer(encounter.diagnosisCodes());
        this.pricer = pricer;
    }

    AdminCode admin(String code) { return tables.adminCodes().get(code); }

    Drug drug(String code) { return tables.drugs().get(code, encounter.dateOfService()); }

    void warn(String w) {
        if (warnings == null) warnings = new ArrayList<>(2);
        if (!io.oncoaudit.core.model.Codes.contains(warnings, w)) warnings.add(w); // the same table warning again: once
    }

    /**
     * The documented dose of this drug code is in a unit that does not convert to its billing unit (mL for a
     * per-mg code): its billed lines are expected as billed and not judged (units, JW/JZ).
     */
    void uncheckedDrug(String code) {
        if (unchecked == null) unchecked = new ArrayList<>(2);
        if (!unchecked.contains(code)) unchecked.add(code);
    }

    boolean isUncheckedDrug(String code) { return unchecked != null && unchecked.contains(code); }

    void unclassified(String administrationId, String drugCode, String drugName, String reason) {
        if (unclassified == null) unclassified = new ArrayList<>(2);
        for (var u : unclassified) if (u.drugCode().equals(drugCode) && java.util.Objects.equals(u.administrationId(), administrationId)) return;
        unclassified.add(new io.oncoaudit.core.model.UnclassifiedDrug(administrationId, drugCode, drugName, reason));
    }

    List<io.oncoaudit.core.model.UnclassifiedDrug> unclassifiedDrugs() { return unclassified == null ? List.of() : List.copyOf(unclassified); }

    List<String> warnings() { return warnings == null ? List.of() : List.copyOf(warnings); }
}
