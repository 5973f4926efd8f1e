package io.oncoaudit.core.rules;

import java.util.List;

/**
 * A coding rule as an auditor sees it: stable id, what it says, the authority it rests on, and where
 * the sources (or the seed documents) disagree, how the disagreement was resolved.
 */
public record Rule(
        String id,
        String category,
        String title,
        String statement,
        List<String> citations,
        String resolution,
        String appealBasis) {
}
