package io.oncoaudit.core.tables;

/**
 * The position a code fills in an encounter, independent of family. Codes in the same slot of
 * different families are each other's family equivalents (96413 and 96365 are both IV_INFUSION_INITIAL).
 */
public enum AdminSlot {
    SC_IM_INJECTION,
    IV_PUSH_INITIAL,
    IV_PUSH_ADDITIONAL,
    IV_PUSH_SAME_DRUG,
    IV_INFUSION_INITIAL,
    IV_INFUSION_HOUR,
    IV_INFUSION_SEQUENTIAL,
    IV_INFUSION_CONCURRENT,
    IV_PUMP_START,
    IA_PUSH,
    IA_INFUSION_INITIAL,
    IA_INFUSION_HOUR,
    IA_PUMP_START,
    INTRALESIONAL,
    PLEURAL_CAVITY,
    PERITONEAL_CAVITY,
    CNS,
    ON_BODY_INJECTOR,
    PUMP_REFILL,
    DEVICE_IRRIGATION,
    /** Bladder instillation of an anticarcinogenic agent (51720). */
    INTRAVESICAL,
    /** Drug-delivery implant inserted through an incision (11981). */
    IMPLANT_INSERTION;

    public boolean isIv() { return name().startsWith("IV_"); }
}
