package io.oncoaudit.api.load;

/** What one {@code load} did. {@code alreadyLoaded} means the run's fingerprint was present and nothing changed. */
public record LoadResult(long runPk, String runId, String fingerprint, boolean alreadyLoaded,
                         long findings, long encounters, long millis) {
}
