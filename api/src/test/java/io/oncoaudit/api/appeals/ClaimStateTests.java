package io.oncoaudit.api.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.appeals.state.ClaimState;
import io.oncoaudit.api.appeals.state.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The claim workflow: draft -> ready -> submitted -> won / partially_won / lost, withdrawn from any open state. */
class ClaimStateTests {
    static final Map<ClaimState, Set<ClaimState>> ALLOWED = Map.of(
            ClaimState.DRAFT, EnumSet.of(ClaimState.READY, ClaimState.WITHDRAWN),
            ClaimState.READY, EnumSet.of(ClaimState.DRAFT, ClaimState.SUBMITTED, ClaimState.WITHDRAWN),
            ClaimState.SUBMITTED, EnumSet.of(ClaimState.WON, ClaimState.PARTIALLY_WON, ClaimState.LOST, ClaimState.WITHDRAWN),
            ClaimState.WON, EnumSet.noneOf(ClaimState.class),
            ClaimState.PARTIALLY_WON, EnumSet.noneOf(ClaimState.class),
            ClaimState.LOST, EnumSet.noneOf(ClaimState.class),
            ClaimState.WITHDRAWN, EnumSet.noneOf(ClaimState.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheWorkflowSaysSo() {
        int refused = 0;
        for (ClaimState from : ClaimState.values()) {
            for (ClaimState to : ClaimState.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
                if (!from.canMoveTo(to)) refused++;
            }
        }
        assertEquals(49 - 9, refused);
    }

    @Test
    void anIllegalMoveNamesTheTransitionAndTheWaysOut() {
        IllegalTransitionException e = new IllegalTransitionException(7, "C-1", ClaimState.SUBMITTED, ClaimState.DRAFT);
        assertEquals("submitted -> draft", e.transition());
        assertTrue(e.getMessage().contains("submitted -> draft is not allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("won, partially_won, lost, withdrawn"), e.getMessage());
    }

    @Test
    void wireNamesParseAndUnknownOnesAreRefused() {
        assertEquals(ClaimState.PARTIALLY_WON, ClaimState.parse("state", "partially_won"));
        assertEquals(ClaimState.PARTIALLY_WON, ClaimState.parse("state", "Partially won"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimState.parse("state", "paid"));
        assertTrue(e.getMessage().startsWith("state: 'paid' is not a state"), e.getMessage());
    }
}
