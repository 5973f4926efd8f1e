package io.oncoaudit.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files load before a login (its login page is one of them: application.properties,
 * permission "dashboard"), everything with data stays behind the login (contract section 8).
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class DashboardAccessTests {

    @Test
    void thePageItsModulesAndTheChartLibraryLoadWithoutALogin() {
        RestAssured.get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"/app/main.js\"></script>"))
                .header("X-Frame-Options", equalTo("DENY"));
        for (String path : List.of("/index.html", "/app/main.js", "/app/api.js", "/app/app.css",
                "/webjars/echarts/5.3.1/dist/echarts.esm.min.js")) {
            RestAssured.get(path).then().statusCode(200);
        }
    }

    @Test
    void onlyTheVersionedChartLibraryIsCachedEverythingElseIsNeverStored() {
        RestAssured.get("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        for (String path : List.of("/", "/index.html", "/app/main.js", "/api/summary", "/q/health")) {
            RestAssured.get(path).then().header("Cache-Control", equalTo("no-store"));
        }
        Fixtures.admin().get("/api/runs")
                .then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void dataAndEverythingElseStillNeedALogin() {
        for (String path : List.of("/api/me", "/api/summary", "/api/findings", "/api/runs", "/q/openapi", "/q/metrics", "/other.html")) {
            RestAssured.get(path).then().statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic realm"));
        }
    }
}
