package io.oncoaudit.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Typed settings under {@code oncoaudit.*}; environment variables map as usual (ONCOAUDIT_HOME, ONCOAUDIT_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "oncoaudit")
public interface OncoauditConfig {

    /** Folder for the embedded database and local state (contract section 9). */
    @WithDefault("${user.home}/.oncoaudit")
    String home();

    /** Initial admin password on first start; generated and printed once when absent (contract section 8). */
    Optional<String> adminPassword();

    /** A contract-format fee schedule for POST /api/recode, like the CLI's --fee-schedule; built-in when absent. */
    Optional<Path> feeSchedule();

    Findings findings();

    Load load();

    interface Findings {
        @WithDefault("50")
        int defaultPageSize();

        @WithDefault("1000")
        int maxPageSize();
    }

    interface Load {
        /** A progress line on stderr every this many rows. */
        @WithDefault("200000")
        int progressEvery();
    }
}
