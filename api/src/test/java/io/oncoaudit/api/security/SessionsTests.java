package io.oncoaudit.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The server-side session store: idle timeout, maximum age, logout and user changes end a session. */
class SessionsTests {
    @Test
    void anIdleSessionEndsAndAUsedOneLives() throws Exception {
        Sessions sessions = new Sessions(300, 60_000);
        Sessions.Session a = sessions.create("alice", Set.of("auditor"));
        Sessions.Session b = sessions.create("bob", Set.of("finance"));
        assertNotEquals(a.id, b.id);
        assertNotEquals(a.csrfToken(), a.id);
        for (int i = 0; i < 4; i++) {
            Thread.sleep(120);
            assertNotNull(sessions.use(a.id), "used within the idle timeout");
        }
        assertNull(sessions.use(b.id), "idle for longer than the timeout");
        sessions.end(a.id);
        assertNull(sessions.use(a.id), "logged out");
    }

    @Test
    void maxAgeAndUserChangesEndSessions() throws Exception {
        Sessions sessions = new Sessions(60_000, 200);
        Sessions.Session a = sessions.create("alice", Set.of("auditor"));
        Thread.sleep(250);
        assertNull(sessions.use(a.id), "older than the maximum age");
        Sessions other = new Sessions(60_000, 60_000);
        Sessions.Session c = other.create("carol", Set.of("finance"));
        Sessions.Session d = other.create("dave", Set.of("finance"));
        other.endAll("carol");
        assertNull(other.use(c.id));
        assertEquals("dave", other.use(d.id).username());
        assertNull(other.use("not-a-session"));
        assertNull(other.use(null));
    }
}
