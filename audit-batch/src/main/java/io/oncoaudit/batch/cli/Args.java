package io.oncoaudit.batch.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command; unknown or repeated options are usage errors. */
public final class Args {
    private final String command;
    private final Map<String, String> values = new HashMap<>();

    public Args(String command, String[] argv, int from, Set<String> allowed) {
        this.command = command;
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) throw new UsageException(command + ": unexpected argument '" + a + "'");
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= argv.length) throw new UsageException(command + ": option --" + name + " needs a value");
                value = argv[++i];
            }
            if (!allowed.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + " (allowed: --" + String.join(", --", allowed) + ")");
            }
            if (values.put(name, value) != null) throw new UsageException(command + ": option --" + name + " given twice");
        }
    }

    public String get(String name) { return values.get(name); }

    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new UsageException(command + ": option --" + name + " is required");
        return v;
    }

    public Path path(String name) {
        String v = values.get(name);
        return v == null ? null : Path.of(v);
    }

    public Path requiredPath(String name) { return Path.of(required(name)); }

    public long longValue(String name, long dflt) {
        String v = values.get(name);
        if (v == null) return dflt;
        try {
            return Long.parseLong(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " '" + v + "' is not a whole number");
        }
    }

    public double doubleValue(String name, double dflt) {
        String v = values.get(name);
        if (v == null) return dflt;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " '" + v + "' is not a number");
        }
    }
}
