package io.oncoaudit.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.appeals.campaign.CampaignFilter;
import io.oncoaudit.api.appeals.campaign.CampaignRow;
import io.oncoaudit.api.appeals.campaign.CampaignService;
import io.oncoaudit.api.appeals.campaign.CampaignView;
import io.oncoaudit.api.appeals.letter.LetterSource;
import io.oncoaudit.api.appeals.letter.PacketWriter;
import io.oncoaudit.api.appeals.state.ClaimState;
import io.oncoaudit.api.appeals.state.IllegalTransitionException;
import io.oncoaudit.api.rest.ProblemException;
import io.oncoaudit.api.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code oncoaudit campaign list | show | create | packet}: appeal campaigns from a script, against the
 * database like {@code load} (no HTTP, no login: whoever can run it can read the database). The same rules
 * as the API (CampaignService): a filter is checked field by field, the packet is the API's ZIP with patient
 * ids (it is read as the OS user, and recorded in the access log as such). Exit 0 done, 1 refused or failed, 2 usage.
 */
@ApplicationScoped
public class CampaignCommand {
    public static final String USAGE = """
                   oncoaudit campaign list [--owner NAME] [--json]
                   oncoaudit campaign show --id N                                   (JSON with the claims, most urgent first)
                   oncoaudit campaign create --name NAME [--payer ID] [--kind KIND] [--npi NPI] [--direction D]
                                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--min-amount X] [--max-amount X]
                                             [--run RUN_ID] [--remit-status DENIED] [--carc CO-16] [--owner NAME]
                   oncoaudit campaign packet --id N --out FILE.zip [--state ready] [--include late,zero]
                                            (one letter PDF per claim to send + corrected-lines.csv + index.csv;
                                             claims past their deadline or asking $0 back only when included)
            """;

    /** Command-line option -> campaign filter field (POST /api/campaigns). */
    private static final Map<String, String> FILTER_OPTIONS = new LinkedHashMap<>();

    static {
        FILTER_OPTIONS.put("--payer", "payerId");
        FILTER_OPTIONS.put("--kind", "kind");
        FILTER_OPTIONS.put("--npi", "billingNpi");
        FILTER_OPTIONS.put("--direction", "direction");
        FILTER_OPTIONS.put("--from", "from");
        FILTER_OPTIONS.put("--to", "to");
        FILTER_OPTIONS.put("--min-amount", "minAmount");
        FILTER_OPTIONS.put("--max-amount", "maxAmount");
        FILTER_OPTIONS.put("--run", "runId");
        FILTER_OPTIONS.put("--remit-status", "remitStatus");
        FILTER_OPTIONS.put("--carc", "carc");
    }

    private final CampaignService campaigns;
    private final LetterSource letters;
    private final PacketWriter packets;
    private final AccessLog accessLog;
    private final ObjectMapper json;

    public CampaignCommand(CampaignService campaigns, LetterSource letters, PacketWriter packets, AccessLog accessLog, ObjectMapper json) {
        this.campaigns = campaigns;
        this.letters = letters;
        this.packets = packets;
        this.accessLog = accessLog;
        this.json = json;
    }

    /** args[0] is "campaign". */
    public int run(String[] args, String user, PrintStream out, PrintStream err) {
        if (args.length < 2) return usage(err, "campaign needs a subcommand: list, show, create or packet");
        String sub = args[1];
        Map<String, String> opts;
        try {
            opts = options(args, switch (sub) {
                case "list" -> Set.of("--owner", "--json");
                case "show" -> Set.of("--id");
                case "create" -> union(FILTER_OPTIONS.keySet(), Set.of("--name", "--owner"));
                case "packet" -> Set.of("--id", "--out", "--state", "--include");
                default -> null;
            });
        } catch (IllegalArgumentException e) {
            return usage(err, "campaign " + sub + ": " + e.getMessage());
        }
        if (opts == null) return usage(err, "unknown campaign subcommand '" + sub + "'; use list, show, create or packet");
        try {
            return switch (sub) {
                case "list" -> list(opts, user, out);
                case "show" -> show(opts, out, err);
                case "create" -> create(opts, user, out, err);
                default -> packet(opts, user, out, err);
            };
        } catch (ProblemException | IllegalArgumentException | IllegalTransitionException e) {
            err.println("oncoaudit campaign " + sub + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("oncoaudit campaign " + sub + ": " + e.getMessage());
            return 1;
        }
    }

    private int list(Map<String, String> opts, String user, PrintStream out) throws IOException {
        String owner = opts.get("--owner");
        List<CampaignView> all = campaigns.list().stream()
                .filter(c -> owner == null || c.owner().equals(owner.equals("me") ? user : owner)).toList();
        if (opts.containsKey("--json")) {
            out.println(json.writeValueAsString(all));
            return 0;
        }
        out.println("id\tname\towner\tclaims\tamount\trecoverable\tpast_deadline\tnext_deadline\tfilter");
        for (CampaignView c : all) {
            out.println(String.join("\t", String.valueOf(c.id()), tsv(c.name()), tsv(c.owner()), String.valueOf(c.claims()),
                    c.amount().toPlainString(), c.recoverable().toPlainString(), String.valueOf(c.pastDeadlineClaims()),
                    c.nextDeadline() == null ? "" : c.nextDeadline().due().toString(), tsv(c.filterDescription())));
        }
        return 0;
    }

    private int show(Map<String, String> opts, PrintStream out, PrintStream err) throws IOException {
        Long id = id(opts, err);
        if (id == null) return 2;
        out.println(json.writeValueAsString(campaigns.view(id, true)));
        return 0;
    }

    private int create(Map<String, String> opts, String user, PrintStream out, PrintStream err) throws IOException {
        String name = opts.get("--name");
        if (name == null) return usage(err, "campaign create needs --name");
        ObjectNode filter = json.createObjectNode();
        FILTER_OPTIONS.forEach((option, field) -> {
            if (opts.containsKey(option)) filter.put(field, opts.get(option));
        });
        String owner = opts.getOrDefault("--owner", user);
        CampaignView v = campaigns.create(name, owner, CampaignFilter.parse(filter));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", v.id());
        o.put("name", v.name());
        o.put("owner", v.owner());
        o.put("claims", v.claims());
        o.put("amount", v.amount());
        o.put("claimed", v.claimed());
        o.put("recoverable", v.recoverable());
        o.put("pastDeadlineClaims", v.pastDeadlineClaims());
        o.put("nextDeadline", v.nextDeadline() == null ? null : v.nextDeadline().due().toString());
        o.put("filter", v.filterDescription());
        out.println(json.writeValueAsString(o));
        return 0;
    }

    private int packet(Map<String, String> opts, String user, PrintStream out, PrintStream err) throws IOException {
        Long id = id(opts, err);
        if (id == null) return 2;
        String target = opts.get("--out");
        if (target == null) return usage(err, "campaign packet needs --out FILE.zip");
        CampaignRow c = campaigns.campaign(id);
        if (opts.containsKey("--state")) ClaimState.parse("--state", opts.get("--state"));
        CampaignService.PacketClaims picked;
        try {
            picked = campaigns.packetClaims(id, opts.get("--state"), opts.get("--include"), letters.claimIds(id, null));
        } catch (IllegalArgumentException e) {
            return usage(err, "--" + e.getMessage());
        }
        List<String> claimIds = picked.letters();
        Path file = Path.of(target).toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        // written next to the target and moved into place: a failed packet never leaves a half ZIP
        Path tmp = Files.createTempFile(dir, ".campaign-" + id + "-", ".zip.part");
        try {
            accessLog.claims(user, "campaign.packet", claimIds, "campaignId=" + id + " via cli");
            LocalDate today = campaigns.today();
            try (OutputStream zip = Files.newOutputStream(tmp)) {
                packets.write(id, c.name(), claimIds, picked.omitted(), true, today, zip);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("letters", claimIds.size());
        o.put("leftOut", picked.omitted().size());
        o.put("out", file.toString());
        o.put("bytes", Files.size(file));
        out.println(json.writeValueAsString(o));
        return 0;
    }

    private static Long id(Map<String, String> opts, PrintStream err) {
        String id = opts.get("--id");
        if (id == null || !id.matches("\\d{1,18}")) {
            usage(err, "give the campaign's number with --id N (oncoaudit campaign list shows them)");
            return null;
        }
        return Long.parseLong(id);
    }

    /** --name VALUE or --name=VALUE; flags (--json) take no value; anything else is a usage error. */
    static Map<String, String> options(String[] args, Set<String> allowed) {
        if (allowed == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!allowed.contains(name)) throw new IllegalArgumentException("unknown option '" + a + "'");
            if (name.equals("--json")) {
                out.put(name, "true");
            } else if (a.contains("=")) {
                out.put(name, a.substring(a.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                out.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }

    /** Tabs and line breaks in a name would shift the columns. */
    private static String tsv(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]", " ");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("oncoaudit: " + problem + "\nusage:\n" + USAGE);
        return 2;
    }
}
