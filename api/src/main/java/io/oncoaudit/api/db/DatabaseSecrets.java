package io.oncoaudit.api.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded database's generated passwords (issue 17), one file under ONCOAUDIT_HOME with mode 0600:
 * only the OS user that runs oncoaudit can read them. Generated once (256 random bits each), kept across
 * restarts. Deleting the file does not reset the passwords stored in the database.
 */
public record DatabaseSecrets(Path file, String superuser, String owner, String app, String reporting) {
    public static final String FILE = "db-secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static boolean exists(Path home) {
        return Files.isRegularFile(home.resolve(FILE));
    }

    static DatabaseSecrets loadOrCreate(Path home) throws IOException {
        Path f = home.resolve(FILE);
        Properties p = new Properties();
        if (Files.isRegularFile(f)) {
            p.load(new StringReader(Files.readString(f)));
            Private.write(f, Files.readString(f)); // keep it 0600 even if someone widened it
        }
        boolean changed = false;
        for (String k : new String[] {"superuser", "owner", "app", "reporting"}) {
            if (p.getProperty(k, "").isBlank()) {
                p.setProperty(k, generate());
                changed = true;
            }
        }
        if (changed) {
            StringWriter w = new StringWriter();
            p.store(w, "oncoaudit embedded PostgreSQL passwords (issue 17); readable by this OS user only. "
                    + "BI tools connect as " + EmbeddedDatabase.REPORTING + " with the 'reporting' password.");
            Private.write(f, w.toString());
        }
        return new DatabaseSecrets(f, p.getProperty("superuser"), p.getProperty("owner"), p.getProperty("app"), p.getProperty("reporting"));
    }

    private static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() { return "DatabaseSecrets[" + file + "]"; }
}
