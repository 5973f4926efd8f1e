package io.oncoaudit.api.appeals.letter;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a letter template: {@code {{name}}} is replaced by the value of that name. Scalar values are
 * escaped here; block values (tables, the findings) are XHTML the letter builder made from escaped text.
 * A template naming an unknown placeholder is refused with the list of known ones, so a typo in an edited
 * template cannot silently drop a claim id or an amount.
 */
public final class TemplateRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    public static final List<String> SCALARS = List.of("letterDate", "practiceName", "billingNpi", "renderingNpi",
            "payerName", "payerId", "claimId", "originalClaimReference", "patientId", "dateOfService", "placeOfService",
            "diagnosisCodes", "requestType", "amountRequested", "overpaymentAmount", "findingCount", "campaignName",
            "signature", "feeSchedule", "subject", "amountSummary", "practiceAddress", "practicePhone", "practiceTin",
            "practiceNpi", "practicePtan", "signatureName", "signatureTitle", "signatureContact",
            "billingProviderName", "memberId", "patientName", "payerClaimNumber");
    public static final List<String> BLOCKS = List.of("introduction", "billedLinesTable", "correctedLinesTable", "findingsSection",
            "overpaymentNote", "enclosures");

    private TemplateRenderer() { }

    /** Throws IllegalArgumentException("template: ...") for an unknown placeholder. */
    public static void validate(String template) {
        if (template == null || template.isBlank()) throw new IllegalArgumentException("template: is empty");
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!SCALARS.contains(name) && !BLOCKS.contains(name)) {
                throw new IllegalArgumentException("template: unknown placeholder {{" + name + "}}; use one of "
                        + String.join(", ", SCALARS) + ", " + String.join(", ", BLOCKS));
            }
        }
    }

    public static String render(String template, Map<String, String> scalars, Map<String, String> blocks) {
        validate(template);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() * 2);
        while (m.find()) {
            String name = m.group(1);
            String value = BLOCKS.contains(name) ? blocks.getOrDefault(name, "") : Html.escape(scalars.getOrDefault(name, ""));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
