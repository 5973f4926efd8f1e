package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.FindingKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/rules.md is generated from {@link RuleCatalog} and {@link SeedErrata}; this test fails when they drift.
 * Regenerate: ./mvnw -pl coding-core test -Dtest=RuleCatalogTests -Doncoaudit.writeRules=true
 */
class RuleCatalogTests {
    private static final Path DOC = Path.of("..", "docs", "rules.md");

    @Test
    void everyRuleHasIdCitationAndStatement() {
        Set<String> ids = new HashSet<>();
        for (Rule r : RuleCatalog.all()) {
            assertTrue(r.id().matches("OA-[A-Z]+-\\d{3}"), r.id());
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
            assertFalse(r.citations().isEmpty(), r.id() + " has no public citation");
            for (String c : r.citations()) {
                assertFalse(c.contains("NOTES") || c.contains("product decision") || c.contains("SEED-") || c.contains("[S-") || c.contains("Contract"),
                        r.id() + ": internal reference among the public citations: " + c);
            }
            assertFalse(r.statement().isBlank(), r.id());
            assertNotNull(RuleCatalog.implementation(r), r.id() + " has no implementing class");
        }
    }

    @Test
    void theStepOrderNamesEveryRuleAndOnlyKnownOnes() {
        Set<String> used = new HashSet<>();
        for (var steps : List.of(RuleCatalog.FULL_MODE, RuleCatalog.CLAIMS_ONLY_MODE)) {
            for (io.oncoaudit.core.recode.Step s : steps) {
                for (String id : s.ruleIds()) {
                    assertNotNull(RuleCatalog.byId(id), s.name() + " names unknown rule " + id);
                    used.add(id);
                }
            }
        }
        for (Rule r : RuleCatalog.all()) assertTrue(used.contains(r.id()), r.id() + " is in no step");
    }

    @Test
    void everySeedErratumIsAccountedFor() {
        assertEquals(43, SeedErrata.all().size(), "NOTES section 4 lists 43 errors");
        for (SeedErrata.Erratum e : SeedErrata.all()) {
            if (e.ruleId() != null) assertNotNull(RuleCatalog.byId(e.ruleId()), "erratum " + e.number() + " cites unknown rule " + e.ruleId());
        }
    }

    @Test
    void rulesDocumentIsUpToDate() throws IOException {
        String md = RulesDocument.render();
        if (Boolean.getBoolean("oncoaudit.writeRules")) Files.writeString(DOC, md, StandardCharsets.UTF_8);
        assertTrue(Files.exists(DOC), "docs/rules.md missing: regenerate with -Doncoaudit.writeRules=true");
        assertEquals(md, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/rules.md is out of date: ./mvnw -pl coding-core test -Dtest=RuleCatalogTests -Doncoaudit.writeRules=true");
        for (FindingKind k : FindingKind.values()) assertTrue(md.contains(k.name()), "rules.md does not mention " + k);
    }
}
