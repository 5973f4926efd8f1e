package io.oncoaudit.api.appeals;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The practice that signs the appeal letters ({@code oncoaudit.practice.*}): what a payer's reviewer needs
 * to match the request to the provider on file (legal name, address, phone, TIN, NPI, Medicare PTAN) and a
 * signature block (name, title, contact). Unset values are shown in the letter as missing rather than
 * guessed: a letter is not sent without them.
 */
@ConfigMapping(prefix = "oncoaudit.practice")
public interface PracticeConfig {
    /** Legal name as enrolled with the payer; unset = the billing provider's name from the extract. */
    Optional<String> legalName();

    /** Street address, lines separated by {@code |}. */
    Optional<String> address();

    Optional<String> phone();

    /** Federal tax identification number (EIN). */
    Optional<String> tin();

    /** Group (billing) NPI; unset = the claim's billing NPI. */
    Optional<String> npi();

    /** Medicare Provider Transaction Access Number. */
    Optional<String> ptan();

    Signature signature();

    interface Signature {
        Optional<String> name();

        Optional<String> title();

        /** Phone or e-mail for the reviewer's questions. */
        Optional<String> contact();
    }
}
