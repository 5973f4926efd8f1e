package io.oncoaudit.core.rules;

import io.oncoaudit.core.rules.hierarchy.PumpStart;
import io.oncoaudit.core.rules.time.AdditionalHours;
import io.oncoaudit.core.rules.time.HydrationMinimum;
import io.oncoaudit.core.rules.time.PushVersusInfusion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OA-TIME-001/002/003 boundaries (NOTES 1.2 table). */
class TimeRulesTests {

    @ParameterizedTest(name = "{0} min -> push={1}")
    @CsvSource({"0,true", "10,true", "15,true", "16,false", "60,false"})
    void pushIsFifteenMinutesOrLess(int minutes, boolean push) {
        assertEquals(push, PushVersusInfusion.isPush(minutes));
    }

    @ParameterizedTest(name = "{0} min -> {1} additional hour(s)")
    @CsvSource({"16,0", "60,0", "75,0", "90,0", "91,1", "120,1", "150,1", "151,2", "210,2", "211,3", "245,3", "270,3", "271,4"})
    void additionalHoursNeedMoreThanThirtyMinutesBeyondTheHour(int minutes, int units) {
        assertEquals(units, AdditionalHours.units(minutes));
    }

    @ParameterizedTest(name = "secondary hydration {0} min -> 96361 x{1}")
    @CsvSource({"30,0", "31,1", "90,1", "91,2", "150,2", "151,3"})
    void secondaryHydration(int minutes, int units) {
        assertEquals(units, HydrationMinimum.secondaryUnits(minutes));
    }

    @ParameterizedTest(name = "{0} owner {1} -> {2}, billed G0498 accepted {3}")
    @CsvSource(value = {"MEDICARE|PRACTICE|G0498|false", "MEDICARE||96416|true", "MEDICARE|OTHER|96416|false", "COMMERCIAL|PRACTICE|96416|false",
            "MEDICARE_ADVANTAGE|PRACTICE|96416|false", "MEDICAID||96416|false"}, delimiter = '|')
    void pumpStartCode(io.oncoaudit.core.tables.PayerType payer, io.oncoaudit.core.model.PumpOwner owner, String code, boolean accepts) {
        assertEquals(code, PumpStart.code(payer, owner));
        assertEquals(accepts, PumpStart.acceptsBilledG0498(payer, owner));
    }
}
