package io.oncoaudit.api.appeals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the appeals campaigns under {@code oncoaudit.appeals.*} (application.properties holds the
 * defaults with their authority). Deadline rules are per payer id; {@code default} covers every payer
 * without its own entry.
 */
@ConfigMapping(prefix = "oncoaudit.appeals")
public interface AppealsConfig {

    /** The payer key whose rules apply to a payer without its own. */
    String DEFAULT_PAYER = "default";

    /**
     * Days from the date of service to the payer's initial determination, assumed when no remittance date
     * is on file for a claim (the deadline is then shown as estimated).
     */
    @WithDefault("30")
    int adjudicationLagDays();

    /** Per-payer override of {@link #adjudicationLagDays()}. */
    Map<String, Integer> payerAdjudicationLagDays();

    /** payer id -> route name (redetermination, reopening, appeal, corrected-claim ...) -> its time limit. */
    Map<String, Map<String, Route>> deadlines();

    /** A folder of per-payer letter templates named {@code <PAYER_ID>.html}; the product's own edits win over it. */
    Optional<Path> templateDir();

    /** Signature block under each letter (e.g. the billing office's name and phone); blank = the practice name. */
    Optional<String> signature();

    /** One way to ask a payer for money again, and how long it stays open. */
    interface Route {
        /** Time limit in days (counted after the receipt days). */
        Optional<Integer> days();

        /** Time limit in calendar years (e.g. Medicare reopening: 1 year). */
        Optional<Integer> years();

        /** Days after the determination's date when the provider is presumed to have received it. */
        @WithDefault("0")
        int receiptDays();

        /**
         * The finding directions (UNDERPAYMENT, OVERPAYMENT, DENIAL) this route serves; absent = all. A claim's
         * deadline is taken over the routes serving its findings.
         */
        Optional<java.util.Set<String>> directions();

        /** The claim forms (PROFESSIONAL, INSTITUTIONAL) this route serves; absent = both. */
        Optional<java.util.Set<String>> claimTypes();

        /** What the limit runs from: {@code determination} (the initial determination, default) or {@code service} (the date of service). */
        @WithDefault("determination")
        String from();

        /** Where the limit comes from, shown to people beside the date. */
        @WithDefault("contract parameter")
        String authority();
    }
}
