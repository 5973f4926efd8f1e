package io.oncoaudit.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.tables.PayerTable;
import io.oncoaudit.core.tables.PayerType;
import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayerPoliciesTests {
    private static final String HEADER = "payer_id,name,type,biologics_noncancer_therapeutic,jwjz_required_from,owner,reason\n";

    @TempDir
    Path dir;

    @Test
    void rowsReplaceOrAddPayersAndKeepTheRest() throws IOException {
        Path f = Files.writeString(dir.resolve("p.csv"), HEADER
                + "uhc,UnitedHealthcare (contract 2026),COMMERCIAL,true,2024-01-01,payer-policy team,UHC policy 2026\n"
                + "ACME,Acme Health,MEDICAID,false,,ops,new payer\n"
                + "*,Unlisted (customer default),COMMERCIAL,false,2025-01-01,ops,customer default\n");
        PayerTable t = PayerPolicies.builtInWithOverrides(f);
        assertTrue(t.policy("UHC").biologicsNonCancerTherapeutic());
        assertEquals(LocalDate.of(2024, 1, 1), t.policy("UHC").jwJzRequiredFrom());
        assertEquals("UnitedHealthcare (contract 2026)", t.policy("UHC").name());
        assertTrue(t.isListed("ACME"));
        assertEquals(PayerType.MEDICAID, t.policy("acme").type());
        assertEquals(LocalDate.of(2023, 7, 1), t.policy("MEDICARE").jwJzRequiredFrom(), "built-in rows stay");
        assertEquals(LocalDate.of(2025, 1, 1), t.policy("NOBODY").jwJzRequiredFrom(), "the '*' row can be replaced too");
        assertFalse(t.isListed("NOBODY"));
    }

    @Test
    void headerOnlyFileChangesNothing() throws IOException {
        Path f = Files.writeString(dir.resolve("p.csv"), HEADER);
        PayerTable t = PayerPolicies.builtInWithOverrides(f);
        assertEquals(LocalDate.of(2023, 7, 1), t.policy("MEDICARE").jwJzRequiredFrom());
        assertNull(t.policy("NOBODY").jwJzRequiredFrom());
    }

    @Test
    void badCellsNameTheFileAndLine() throws IOException {
        Path f = Files.writeString(dir.resolve("p.csv"), HEADER + "ACME,Acme,COMMERCIAL,false,01/02/2024,ops,x\n");
        TableFormatException e = assertThrows(TableFormatException.class, () -> PayerPolicies.builtInWithOverrides(f));
        assertTrue(e.getMessage().contains("p.csv line 2"), e.getMessage());
        Path noId = Files.writeString(dir.resolve("q.csv"), HEADER + ",Acme,COMMERCIAL,false,,ops,x\n");
        assertTrue(assertThrows(TableFormatException.class, () -> PayerPolicies.builtInWithOverrides(noId))
                .getMessage().contains("payer_id is empty"));
    }
}
