package io.oncoaudit.api.cli;

import io.oncoaudit.api.load.LoadException;
import io.oncoaudit.api.load.LoadResult;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.AppUser;
import io.oncoaudit.api.security.Role;
import io.oncoaudit.api.security.UserService;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Set;

/**
 * The api's commands (contract section 3): {@code serve} runs until stopped; {@code load},
 * {@code users} and {@code campaign} do their work and exit. Exit codes: 0 done, 1 failed, 2 usage error.
 */
public class OncoauditApp implements QuarkusApplication {
    public static final Set<String> COMMANDS = Set.of("serve", "load", "users", "campaign");
    public static final String USAGE = """
            usage: oncoaudit serve [--port N]
                   oncoaudit load --run DIR
                   oncoaudit users add NAME --role auditor|finance|admin[,...]   (password from ONCOAUDIT_USER_PASSWORD, else generated and printed)
                   oncoaudit users passwd NAME                                   (same password rule)
                   oncoaudit users remove NAME
                   oncoaudit users list
            """ + CampaignCommand.USAGE + """
            environment: ONCOAUDIT_HOME (embedded database folder, default ~/.oncoaudit),
                         ONCOAUDIT_ADMIN_PASSWORD (initial admin password on first serve),
                         QUARKUS_HTTP_PORT, QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD (external PostgreSQL)""";

    /**
     * The help of one command ({@code oncoaudit COMMAND --help}): its own usage lines from {@link #USAGE}
     * (with their continuation lines) and the environment; the whole text for an unknown command.
     */
    public static String help(String command) {
        if (!COMMANDS.contains(command)) return USAGE;
        StringBuilder out = new StringBuilder("usage:\n");
        boolean keep = false;
        boolean environment = false;
        for (String line : USAGE.split("\n")) {
            String t = line.strip();
            if (t.startsWith("environment:")) environment = true;
            if (environment) {
                out.append(line).append('\n');
                continue;
            }
            String body = t.startsWith("usage:") ? t.substring("usage:".length()).strip() : t;
            if (body.startsWith("oncoaudit ")) keep = body.startsWith("oncoaudit " + command + " ") || body.equals("oncoaudit " + command);
            if (keep) out.append("  ").append(body).append('\n');
        }
        return out.toString().stripTrailing();
    }

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Inject
    CampaignCommand campaigns;

    @Override
    public int run(String... args) {
        return switch (args[0]) {
            case "serve" -> serve();
            case "load" -> load(args);
            case "users" -> users(args);
            case "campaign" -> campaigns.run(args, System.getProperty("user.name"), System.out, System.err);
            default -> usage("unknown command " + args[0]);
        };
    }

    private int serve() {
        Quarkus.waitForExit();
        return 0;
    }

    private int load(String[] args) {
        String dir = option(args, "--run");
        if (dir == null) return usage("load needs --run DIR");
        try {
            LoadResult r = loader.load(Path.of(dir), System.getProperty("user.name"), System.err);
            System.out.printf("{\"runId\":\"%s\",\"fingerprint\":\"%s\",\"alreadyLoaded\":%s,\"findings\":%d,\"encounters\":%d,\"millis\":%d}%n",
                    r.runId(), r.fingerprint(), r.alreadyLoaded(), r.findings(), r.encounters(), r.millis());
            return 0;
        } catch (LoadException e) {
            System.err.println("oncoaudit load: " + e.getMessage());
            return 1;
        }
    }

    private int users(String[] args) {
        if (args.length < 2) return usage("users needs a subcommand");
        try {
            switch (args[1]) {
                case "list" -> {
                    for (AppUser u : users.list()) System.out.println(u.username + "\t" + u.roles);
                    return 0;
                }
                case "add" -> {
                    if (args.length < 3 || args[2].startsWith("--")) return usage("users add needs NAME");
                    String role = option(args, "--role");
                    if (role == null) return usage("users add needs --role");
                    Password p = password();
                    users.add(args[2], Role.parse(role), p.value());
                    System.out.println("oncoaudit: added user '" + args[2] + "' (" + role + ")" + p.shown());
                    return 0;
                }
                case "passwd" -> {
                    if (args.length < 3) return usage("users passwd needs NAME");
                    Password p = password();
                    users.setPassword(args[2], p.value());
                    System.out.println("oncoaudit: changed the password of '" + args[2] + "'" + p.shown());
                    return 0;
                }
                case "remove" -> {
                    if (args.length < 3) return usage("users remove needs NAME");
                    if (!users.remove(args[2])) {
                        System.err.println("oncoaudit: no user '" + args[2] + "'");
                        return 1;
                    }
                    System.out.println("oncoaudit: removed user '" + args[2] + "'");
                    return 0;
                }
                default -> {
                    return usage("unknown users subcommand " + args[1]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("oncoaudit users: " + e.getMessage());
            return 1;
        }
    }

    private record Password(String value, boolean generated) {
        String shown() { return generated ? "; generated password (shown once): " + value : "; password from ONCOAUDIT_USER_PASSWORD"; }
    }

    private static Password password() {
        String env = System.getenv("ONCOAUDIT_USER_PASSWORD");
        if (env != null && !env.isBlank()) return new Password(env, false);
        return new Password(UserService.generatePassword(), true);
    }

    private static int usage(String problem) {
        System.err.println("oncoaudit: " + problem + "\n" + USAGE);
        return 2;
    }

    /** The value after {@code name} ({@code --name V} or {@code --name=V}), or null. */
    public static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith(name + "=")) return args[i].substring(name.length() + 1);
        }
        return null;
    }
}
