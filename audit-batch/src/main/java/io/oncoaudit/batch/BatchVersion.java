package io.oncoaudit.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The code version recorded in run manifests and fingerprints (filtered from the Maven project version). */
public final class BatchVersion {
    private BatchVersion() { }

    public static String get() {
        try (InputStream in = BatchVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : "audit-batch " + v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
