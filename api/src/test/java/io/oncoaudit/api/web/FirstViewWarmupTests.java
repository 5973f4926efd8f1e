package io.oncoaudit.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.support.ZonkyDatabase;
import io.oncoaudit.api.warmup.FirstViewWarmupProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** The start-up warm-up prepares the summaries and fetches exactly the files the first view loads. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class FirstViewWarmupTests {

    @Test
    void everyStaticPathItWarmsExistsAndTheSummariesArePrepared() {
        FirstViewWarmupProbe probe = FirstViewWarmupProbe.get();
        int served = probe.fetchStatic(RestAssured.port);
        // a renamed module or a new chart library version must be renamed here too, or the warm-up is useless
        assertEquals(probe.staticPathCount(), served, "every warm-up path answers 200: " + probe.staticPaths());
        probe.warmSummaries();
        assertTrue(probe.summariesReady(), () -> "the summary queries ran against the real database: " + probe.lastFailure());
    }
}
