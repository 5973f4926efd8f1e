package io.oncoaudit.core.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A coding rule as an auditor sees it: stable id, what it says, the authority it rests on, and where
 * the sources (or the seed documents) disagree, how the disagreement was resolved.
 *
 * <p>{@code citations} are public authorities only (CPT, CMS manuals and transmittals, MAC articles, NCCI, HCPCS, FDA
 * labels): findings, letters and screens show them. {@code provenance} is internal (our reference NOTES keys, product
 * decisions, seed errata, the contract) and never reaches a payer.
 */
public record Rule(
        String id,
        String category,
        String title,
        String statement,
        List<String> citations,
        String resolution,
        String appealBasis,
        List<String> provenance) {

    public Rule {
        citations = List.copyOf(citations);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        for (String c : citations) {
            if (internal(c)) throw new IllegalArgumentException(id + ": citation '" + c + "' names an internal source: it belongs in provenance");
        }
    }

    /**
     * A rule whose mixed citation list is split: internal references (NOTES keys, product decisions, the contract),
     * whole or in a trailing parenthesis / "as quoted in NOTES" clause, go to {@code provenance}.
     */
    public Rule(String id, String category, String title, String statement, List<String> citations, String resolution,
                String appealBasis) {
        this(id, category, title, statement, publicPart(citations), resolution, appealBasis, internalPart(citations));
    }

    /** The rule (or part of it) still rests on a BELIEVED fact: docs/rules.md flags it until a public citation confirms it. */
    public boolean believed() {
        return contains(statement, "BELIEVED") || contains(resolution, "BELIEVED") || provenance.stream().anyMatch(p -> p.contains("BELIEVED"));
    }

    private static boolean contains(String s, String what) { return s != null && s.contains(what); }

    static boolean internal(String c) {
        return c.contains("NOTES") || c.toLowerCase(java.util.Locale.ROOT).contains("product decision") || c.contains("SEED-")
                || c.contains("[S-") || c.startsWith("Contract section") || c.startsWith("Rules OA-");
    }

    private static List<String> publicPart(List<String> citations) {
        List<String> out = new ArrayList<>(citations.size());
        for (String c : citations) {
            String p = split(c)[0];
            if (p != null) out.add(p);
        }
        return out;
    }

    private static List<String> internalPart(List<String> citations) {
        List<String> out = new ArrayList<>(2);
        for (String c : citations) {
            String p = split(c)[1];
            if (p != null) out.add(p);
        }
        return out;
    }

    /** [public part or null, internal part or null]. */
    private static String[] split(String c) {
        if (!internal(c)) return new String[] {c, null};
        int q = c.indexOf(" as quoted in NOTES");
        if (q > 0) return new String[] {c.substring(0, q), c.substring(q + " as quoted in ".length())};
        int paren = c.indexOf(" (NOTES");
        if (paren > 0 && c.endsWith(")")) return new String[] {c.substring(0, paren), c.substring(paren + 2, c.length() - 1)};
        return new String[] {null, c};
    }
}
