package io.oncoaudit.core.recode;

import io.oncoaudit.core.tables.AdminSlot;

/** The group an administration code's slot belongs to: the comparison pairs codes within a group. */
public enum CodeGroup {
    SERVICE, HOUR, SC_IM, INTRA_ARTERIAL, LOCAL, OTHER;

    public static CodeGroup of(AdminSlot s) {
        return switch (s) {
            case IV_PUSH_INITIAL, IV_PUSH_ADDITIONAL, IV_PUSH_SAME_DRUG, IV_INFUSION_INITIAL, IV_INFUSION_SEQUENTIAL,
                 IV_INFUSION_CONCURRENT, IV_PUMP_START -> SERVICE;
            case IV_INFUSION_HOUR, IA_INFUSION_HOUR -> HOUR;
            case SC_IM_INJECTION, ON_BODY_INJECTOR -> SC_IM;
            case IA_PUSH, IA_INFUSION_INITIAL, IA_PUMP_START -> INTRA_ARTERIAL;
            case INTRALESIONAL, INTRAVESICAL, IMPLANT_INSERTION -> LOCAL;
            default -> OTHER;
        };
    }
}
