package io.oncoaudit.api.appeals.state;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one claim's appeal stands (issue 7): draft -> ready -> submitted -> won / partially won / lost,
 * and withdrawn from any open state. Ready may go back to draft for edits; the outcomes and withdrawn
 * are final (a further appeal level is a new campaign). Wire names are lower case: {@code partially_won}.
 */
public enum ClaimState {
    DRAFT, READY, SUBMITTED, WON, PARTIALLY_WON, LOST, WITHDRAWN;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public Set<ClaimState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(READY, WITHDRAWN);
            case READY -> EnumSet.of(DRAFT, SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(WON, PARTIALLY_WON, LOST, WITHDRAWN);
            case WON, PARTIALLY_WON, LOST, WITHDRAWN -> EnumSet.noneOf(ClaimState.class);
        };
    }

    public boolean canMoveTo(ClaimState to) { return next().contains(to); }

    /** Not yet sent: the deadline still matters. */
    public boolean beforeSubmission() { return this == DRAFT || this == READY; }

    /** A payer decision: a recovered amount and a decision date belong to it. */
    public boolean isDecision() { return this == WON || this == PARTIALLY_WON || this == LOST; }

    public boolean isFinal() { return next().isEmpty(); }

    /** Appealed = sent to the payer, whatever came back (the recovery report's middle column). */
    public boolean appealed() { return this == SUBMITTED || isDecision(); }

    public static ClaimState parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": give a state: " + allNames());
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a state; use one of " + allNames());
        }
    }

    public static String allNames() {
        return EnumSet.allOf(ClaimState.class).stream().map(ClaimState::wire).collect(Collectors.joining(", "));
    }

    public String nextNames() {
        return next().isEmpty() ? "none (" + wire() + " is final)"
                : next().stream().map(ClaimState::wire).collect(Collectors.joining(", "));
    }
}
