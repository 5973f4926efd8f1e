package io.oncoaudit.core.tables;

/** How a code stands in the one-initial-service-per-encounter hierarchy. */
public enum AdminRole {
    /** Initial service: only one per encounter (unless a separate access or encounter, with 59/XU/XE). */
    INITIAL,
    /** Add-on (PFS global ZZZ): reported only with one of its primaries. */
    ADD_ON,
    /** Reported on its own, outside the IV initial/add-on hierarchy (SC/IM, intralesional, cavity, pump start). */
    STANDALONE
}
