package io.oncoaudit.api;

import static org.hamcrest.Matchers.equalTo;

import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class ReadinessTests {

    @Test
    void readinessIsDownWhileTheDatabaseIsStoppedAndRecovers() throws Exception {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ZonkyDatabase.stopDatabase();
        try {
            RestAssured.get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            ZonkyDatabase.startDatabase();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        int status;
        do {
            status = RestAssured.get("/q/health/ready").statusCode();
            if (status != 200) Thread.sleep(250);
        } while (status != 200 && System.currentTimeMillis() < deadline);
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
