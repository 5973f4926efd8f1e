package io.oncoaudit.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code oncoaudit serve|load|users|campaign --help}: each command's help is its own (issue 16). */
class CommandHelpTests {

    @Test
    void eachCommandsHelpHoldsItsOwnUsageOnly() {
        for (String command : OncoauditApp.COMMANDS) {
            String help = OncoauditApp.help(command);
            assertTrue(help.startsWith("usage:\n  oncoaudit " + command), help);
            assertTrue(help.contains("environment:"), help);
            for (String other : OncoauditApp.COMMANDS) {
                if (!other.equals(command)) assertFalse(help.contains("oncoaudit " + other + " "), command + " help names " + other + ":\n" + help);
            }
        }
        String campaign = OncoauditApp.help("campaign");
        for (String sub : List.of("list", "show", "create", "packet")) assertTrue(campaign.contains("oncoaudit campaign " + sub), campaign);
        assertTrue(campaign.contains("--include late,zero") && campaign.contains("[--from YYYY-MM-DD]"), "continuation lines stay: " + campaign);
        assertEquals(OncoauditApp.USAGE, OncoauditApp.help("nope"));
    }
}
