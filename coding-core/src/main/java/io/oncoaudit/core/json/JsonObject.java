package io.oncoaudit.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A JSON object as read: keys in document order. When a key occurs more than once the last value wins
 * (as in JavaScript) and the key is listed in {@link #duplicateKeys()}, so callers for whom the
 * ambiguity matters (money, codes) can reject it.
 */
public final class JsonObject extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    private Set<String> duplicates;

    public JsonObject() {
        super(16);
    }

    void putParsed(String key, Object value) {
        if (containsKey(key)) {
            if (duplicates == null) duplicates = new LinkedHashSet<>();
            duplicates.add(key);
        }
        put(key, value);
    }

    /** Keys that occurred more than once in the source text; empty for most objects. */
    public Set<String> duplicateKeys() {
        return duplicates == null ? Set.of() : Collections.unmodifiableSet(duplicates);
    }

    public boolean isDuplicate(String key) {
        return duplicates != null && duplicates.contains(key);
    }
}
