package io.oncoaudit.core.model;

import java.util.List;

/** A line that should have been billed (contract section 6, expectedLines). */
public record ExpectedLine(String procedureCode, int units, List<String> modifiers) {
    public ExpectedLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }
}
