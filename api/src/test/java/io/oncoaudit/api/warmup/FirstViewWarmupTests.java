package io.oncoaudit.api.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The start-up warm-up prepares the summaries and fetches exactly the files the first view loads. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class FirstViewWarmupTests {
    @Inject
    FirstViewWarmup warmup;

    @Test
    void everyStaticPathItWarmsExistsAndTheSummariesArePrepared() {
        int served = warmup.fetchStatic(RestAssured.port);
        // a renamed module or a new chart library version must be renamed here too, or the warm-up is useless
        assertEquals(FirstViewWarmup.STATIC_PATHS.size(), served, "every warm-up path answers 200: " + FirstViewWarmup.STATIC_PATHS);
        warmup.warmSummaries();
        assertTrue(warmup.summariesReady(), () -> "the summary queries ran against the real database: " + warmup.lastFailure());
    }
}
