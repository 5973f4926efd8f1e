package io.oncoaudit.api.appeals.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.oncoaudit.api.appeals.deadline.Deadline;
import io.oncoaudit.api.appeals.deadline.DeadlineCalculator;
import io.oncoaudit.api.appeals.state.ClaimState;
import io.oncoaudit.api.appeals.state.IllegalTransitionException;
import io.oncoaudit.api.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaign rules: creation from a filter, the claim state machine with its amounts and dates, and the views with deadlines. */
@ApplicationScoped
public class CampaignService {
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @jakarta.inject.Inject
    io.oncoaudit.api.security.FreeTextGuard freeText;
    private final CampaignRepository repo;
    private final DeadlineCalculator deadlines;
    private final Clock clock;
    private final io.oncoaudit.api.query.KnownValues known;

    public CampaignService(CampaignRepository repo, DeadlineCalculator deadlines, io.oncoaudit.api.query.KnownValues known) {
        this.repo = repo;
        this.known = known;
        this.deadlines = deadlines;
        this.clock = Clock.systemDefaultZone();
    }

    public LocalDate today() { return LocalDate.now(clock); }

    public CampaignView create(String name, String owner, CampaignFilter filter) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: give the campaign a name, e.g. \"Medicare 96372 Q1\"");
        if (name.trim().length() > 200) throw new IllegalArgumentException("name: use at most 200 characters");
        freeText.check("name", name); // issue 17: no patient identifiers in text finance reads
        // a misspelt payer or kind would make an empty campaign: refused with the values the loaded runs know
        if (filter.payerId() != null && !known.payersFor(filter.payerId()).contains(filter.payerId())) {
            throw new IllegalArgumentException("filter.payerId: '" + filter.payerId() + "' is not a known payer; known values: "
                    + String.join(", ", known.payers()));
        }
        if (filter.kind() != null && !known.kindsFor(filter.kind()).contains(filter.kind())) {
            throw new IllegalArgumentException("filter.kind: '" + filter.kind() + "' is not a known finding kind; known values: "
                    + String.join(", ", known.kinds()));
        }
        if (filter.carc() != null && !known.carcKnown(filter.carc())) {
            known.carcsFor(filter.carc()); // a run loaded in the last second
            if (!known.carcKnown(filter.carc())) {
                throw new IllegalArgumentException("filter.carc: '" + filter.carc() + "' is on no loaded remittance line; known values: "
                        + (known.carcs().isEmpty() ? "none (no remittances are loaded)" : String.join(", ", known.carcs())));
            }
        }
        long id;
        try {
            id = repo.create(name.trim(), owner, filter);
        } catch (CampaignRepository.ClaimsInOpenCampaigns e) {
            throw new ProblemException(409, "Claims already in an open campaign", "filter", e.getMessage());
        }
        return view(id, false);
    }

    public List<CampaignView> list() {
        Map<Long, List<ClaimRow>> byCampaign = new LinkedHashMap<>();
        for (ClaimRow c : repo.claims(null)) byCampaign.computeIfAbsent(c.campaignId(), k -> new ArrayList<>()).add(c);
        LocalDate today = today();
        List<CampaignView> out = new ArrayList<>();
        for (CampaignRow row : repo.list()) {
            out.add(view(row, byCampaign.getOrDefault(row.id(), List.of()), today, false));
        }
        return out;
    }

    /** The claims of a packet: those to write a letter for (in {@code ordered}'s order) and those left out with why. */
    public record PacketClaims(List<String> letters, List<io.oncoaudit.api.appeals.letter.PacketWriter.Omitted> omitted) { }

    /**
     * Which claims a packet holds: those in {@code state} (null = every state), less the claims that ask
     * nothing back ($0 of underpayment and denial) and those past their appeal deadline, unless {@code include}
     * names them ("zero", "late": comma-separated, as given by a person; anything else is refused).
     */
    public PacketClaims packetClaims(long campaignId, String state, String include, List<String> ordered) {
        java.util.Set<String> inc = new java.util.HashSet<>();
        if (include != null && !include.isBlank()) {
            for (String part : include.split(",")) {
                String p = part.trim().toLowerCase(java.util.Locale.ROOT);
                if (!p.equals("zero") && !p.equals("late")) {
                    throw new IllegalArgumentException("include: use zero and/or late (include=zero,late), got '" + part.trim() + "'");
                }
                inc.add(p);
            }
        }
        String wire = state == null || state.isBlank() ? null : ClaimState.parse("state", state).wire();
        List<io.oncoaudit.api.appeals.letter.PacketWriter.Omitted> omitted = new ArrayList<>();
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (ClaimView v : claims(campaignId)) {
            if (wire != null && !v.state().equals(wire)) continue;
            if (v.claimed().signum() == 0 && !inc.contains("zero")) {
                omitted.add(new io.oncoaudit.api.appeals.letter.PacketWriter.Omitted(v.claimId(), v.state(), v.claimed(),
                        "nothing to ask back ($0 of underpayment and denial); include=zero adds it"));
            } else if (v.pastDeadline() && !inc.contains("late")) {
                omitted.add(new io.oncoaudit.api.appeals.letter.PacketWriter.Omitted(v.claimId(), v.state(), v.claimed(),
                        "past its appeal deadline " + v.deadline().finalDue() + "; include=late adds it"));
            } else {
                keep.add(v.claimId());
            }
        }
        return new PacketClaims(ordered.stream().filter(keep::contains).toList(), omitted);
    }

    /** Archives the campaign: kept for the record, no longer open, so its claims can go into a new campaign. */
    public CampaignView archive(long id, String user) {
        CampaignRow row = campaign(id);
        if (!row.open()) {
            throw new ProblemException(409, "Already archived", "id", "campaign " + id + " was archived by " + row.archivedBy()
                    + " at " + row.archivedAt());
        }
        repo.archive(id, user);
        return view(id, false);
    }

    public CampaignRow campaign(long id) {
        return repo.find(id).orElseThrow(() -> ProblemException.notFound("id", "no campaign with id " + id + "; GET /api/campaigns lists them"));
    }

    public CampaignView view(long id, boolean withClaims) {
        return view(campaign(id), repo.claims(id), today(), withClaims);
    }

    public ClaimView claim(long campaignId, String claimId, boolean withHistory) {
        campaign(campaignId);
        ClaimRow row = repo.claim(campaignId, claimId).orElseThrow(() -> missingClaim(campaignId, claimId));
        return claimView(row, today(), withHistory ? repo.history(campaignId, claimId) : null);
    }

    public List<StateChange> history(long campaignId) {
        campaign(campaignId);
        return repo.history(campaignId, null);
    }

    /** Claims of the campaign, most urgent first (see {@link #URGENCY}). */
    public List<ClaimView> claims(long campaignId) {
        LocalDate today = today();
        List<ClaimView> out = new ArrayList<>();
        for (ClaimRow r : repo.claims(campaignId)) out.add(claimView(r, today, null));
        out.sort(URGENCY);
        return out;
    }

    /**
     * Urgency: claims still to be sent and not late, nearest deadline first; then submitted ones awaiting a
     * decision; then those past their deadline; then closed ones.
     */
    static final Comparator<ClaimView> URGENCY = Comparator.<ClaimView>comparingInt(CampaignService::urgencyGroup)
            .thenComparing(v -> v.deadline().due())
            .thenComparing(ClaimView::claimId);

    private static int urgencyGroup(ClaimView v) {
        ClaimState s = ClaimState.parse("state", v.state());
        if (s.beforeSubmission()) return v.pastDeadline() ? 2 : 0;
        if (s == ClaimState.SUBMITTED) return 1;
        return 3;
    }

    /**
     * Applies one update to a claim: a state change (with its dates and recovered amount) and/or the
     * remittance date and note. {@code from}, when given, must be the current state (a stale screen gets 409).
     */
    public ClaimView update(long campaignId, String claimId, JsonNode body, String user) {
        campaign(campaignId);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body: send {\"state\": \"ready\"} or {\"determinationDate\": \"YYYY-MM-DD\"}");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("state", "from", "submittedOn", "decidedOn", "amountRecovered", "determinationDate", "note").contains(f)) {
                throw new IllegalArgumentException(f + ": unknown field; use state, from, submittedOn, decidedOn, amountRecovered, determinationDate or note");
            }
        }
        ClaimState to = body.hasNonNull("state") ? ClaimState.parse("state", body.get("state").asText()) : null;
        ClaimState expected = body.hasNonNull("from") ? ClaimState.parse("from", body.get("from").asText()) : null;
        LocalDate submittedOn = date(body, "submittedOn");
        LocalDate decidedOn = date(body, "decidedOn");
        BigDecimal recovered = amount(body, "amountRecovered");
        boolean setDetermination = body.has("determinationDate");
        LocalDate determination = date(body, "determinationDate");
        String note = body.hasNonNull("note") ? body.get("note").asText().trim() : null;
        if (note != null && note.length() > 2000) throw new IllegalArgumentException("note: use at most 2000 characters");
        freeText.check("note", note);
        if (to == null && !setDetermination && note == null) {
            throw new IllegalArgumentException("state: nothing to change; give state, determinationDate or note");
        }
        LocalDate today = today();
        for (var d : new Object[][] {{"submittedOn", submittedOn}, {"decidedOn", decidedOn}, {"determinationDate", determination}}) {
            if (d[1] != null && ((LocalDate) d[1]).isAfter(today)) throw new IllegalArgumentException(d[0] + ": must not be in the future");
        }
        repo.inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            ClaimRow row = repo.lockClaim(c, campaignId, claimId).orElseThrow(() -> missingClaim(campaignId, claimId));
            if (expected != null && expected != row.state()) {
                throw new ProblemException(409, "Stale state", "from", "claim " + claimId + " is " + row.state().wire()
                        + ", not " + expected.wire() + " (changed by " + row.stateChangedBy() + " at " + row.stateChangedAt() + "); reload and try again");
            }
            if (determination != null && determination.isBefore(row.dateOfService())) {
                throw new IllegalArgumentException("determinationDate: must not be before the date of service " + row.dateOfService());
            }
            if (setDetermination || (note != null && to == null)) repo.updateDetails(c, row, determination, setDetermination, to == null ? note : null);
            if (to != null) transition(c, row, to, user, submittedOn, decidedOn, recovered, note, today);
            else if (submittedOn != null || decidedOn != null || recovered != null) {
                throw new IllegalArgumentException("state: submittedOn, decidedOn and amountRecovered go with a state change");
            }
            return null;
        });
        return claim(campaignId, claimId, true);
    }

    private void transition(Connection c, ClaimRow row, ClaimState to, String user, LocalDate submittedOn, LocalDate decidedOn,
                            BigDecimal recovered, String note, LocalDate today) throws java.sql.SQLException {
        ClaimState from = row.state();
        if (!from.canMoveTo(to)) throw new IllegalTransitionException(row.campaignId(), row.claimId(), from, to);
        LocalDate submitted = row.submittedOn();
        LocalDate decided = null;
        BigDecimal amount = null;
        switch (to) {
            case SUBMITTED -> {
                submitted = submittedOn != null ? submittedOn : today;
                if (submitted.isBefore(row.dateOfService())) {
                    throw new IllegalArgumentException("submittedOn: must not be before the date of service " + row.dateOfService());
                }
            }
            case WON, PARTIALLY_WON, LOST -> {
                decided = decidedOn != null ? decidedOn : today;
                if (submitted != null && decided.isBefore(submitted)) {
                    throw new IllegalArgumentException("decidedOn: must not be before the submission on " + submitted);
                }
                amount = switch (to) {
                    case WON -> recovered != null ? positive(recovered) : row.claimed();
                    case PARTIALLY_WON -> {
                        if (recovered == null) throw new IllegalArgumentException("amountRecovered: give the amount the payer paid on the partial win");
                        yield positive(recovered);
                    }
                    default -> {
                        if (recovered != null && recovered.signum() != 0) {
                            throw new IllegalArgumentException("amountRecovered: a lost appeal recovers 0; use partially_won for a partial payment");
                        }
                        yield ZERO;
                    }
                };
            }
            case DRAFT, READY -> submitted = null;
            case WITHDRAWN -> {
                if (recovered != null) throw new IllegalArgumentException("amountRecovered: a withdrawn appeal recovers nothing");
            }
        }
        if (to != ClaimState.SUBMITTED && submittedOn != null) {
            throw new IllegalArgumentException("submittedOn: only with state submitted");
        }
        if (!to.isDecision() && (decidedOn != null || recovered != null)) {
            throw new IllegalArgumentException((decidedOn != null ? "decidedOn" : "amountRecovered") + ": only with state won, partially_won or lost");
        }
        repo.changeState(c, row, to, user, submitted, decided, amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN), note);
    }

    private static BigDecimal positive(BigDecimal b) {
        if (b.signum() <= 0) throw new IllegalArgumentException("amountRecovered: must be more than 0 for a win; use lost for nothing");
        return b;
    }

    private static ProblemException missingClaim(long campaignId, String claimId) {
        return ProblemException.notFound("claimId", "claim '" + claimId + "' is not in campaign " + campaignId);
    }

    ClaimView claimView(ClaimRow r, LocalDate today, List<StateChange> history) {
        Deadline d = deadlines.compute(r.payerId(), r.dateOfService(), r.determinationDate(), today, r.directions(),
                io.oncoaudit.api.appeals.letter.LetterSource.claimForm(r.claimType()));
        boolean past = r.state().beforeSubmission() && d.expired();
        boolean open = !r.state().isFinal();
        BigDecimal recoverable = open && !past ? r.claimed() : ZERO;
        return new ClaimView(r.claimId(), r.runId(), r.payerId(), r.payerName(), r.billingNpi(), r.providerName(),
                r.dateOfService(), r.findings(), r.amount(), r.claimed(), r.underpayment(), r.overpayment(), r.denial(),
                r.state().wire(), r.state().next().stream().map(ClaimState::wire).toList(), r.stateChangedAt(), r.stateChangedBy(),
                r.determinationDate(), r.submittedOn(), r.decidedOn(), r.amountRecovered(), r.note(), d, past, recoverable, history);
    }

    CampaignView view(CampaignRow row, List<ClaimRow> rows, LocalDate today, boolean withClaims) {
        List<ClaimView> claims = new ArrayList<>(rows.size());
        for (ClaimRow r : rows) claims.add(claimView(r, today, null));
        claims.sort(URGENCY);
        BigDecimal amount = ZERO, claimed = ZERO, recoverable = ZERO, pastAmount = ZERO, appealed = ZERO, recovered = ZERO;
        int past = 0, appealedClaims = 0;
        Map<ClaimState, Integer> states = new EnumMap<>(ClaimState.class);
        for (ClaimState s : ClaimState.values()) states.put(s, 0);
        for (ClaimView v : claims) {
            ClaimState s = ClaimState.parse("state", v.state());
            states.merge(s, 1, Integer::sum);
            amount = amount.add(v.amount());
            claimed = claimed.add(v.claimed());
            recoverable = recoverable.add(v.recoverable());
            if (v.pastDeadline()) {
                past++;
                pastAmount = pastAmount.add(v.claimed());
            }
            if (s.appealed()) {
                appealedClaims++;
                appealed = appealed.add(v.claimed());
            }
            if (v.amountRecovered() != null) recovered = recovered.add(v.amountRecovered());
        }
        Map<String, Integer> stateCounts = new LinkedHashMap<>();
        states.forEach((k, v) -> stateCounts.put(k.wire(), v));
        CampaignView.NextDeadline next = claims.stream()
                .filter(v -> ClaimState.parse("state", v.state()).beforeSubmission() && !v.pastDeadline())
                .findFirst()
                .map(v -> new CampaignView.NextDeadline(v.claimId(), v.deadline().due(), v.deadline().route(),
                        v.deadline().daysLeft(), v.deadline().estimated()))
                .orElse(null);
        return new CampaignView(row.id(), row.name(), row.owner(), row.createdAt(), filterMap(row.filter()),
                row.filter().describe(), claims.size(), amount, claimed, recoverable, past, pastAmount, appealedClaims,
                appealed, recovered, stateCounts, next, withClaims ? claims : null, row.archivedAt(), row.archivedBy());
    }

    static Map<String, Object> filterMap(CampaignFilter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional.ofNullable(f.runId()).ifPresent(v -> m.put("runId", v));
        Optional.ofNullable(f.payerId()).ifPresent(v -> m.put("payerId", v));
        Optional.ofNullable(f.kind()).ifPresent(v -> m.put("kind", v));
        Optional.ofNullable(f.billingNpi()).ifPresent(v -> m.put("billingNpi", v));
        Optional.ofNullable(f.direction()).ifPresent(v -> m.put("direction", v));
        Optional.ofNullable(f.from()).ifPresent(v -> m.put("from", v.toString()));
        Optional.ofNullable(f.to()).ifPresent(v -> m.put("to", v.toString()));
        Optional.ofNullable(f.minAmount()).ifPresent(v -> m.put("minAmount", v));
        Optional.ofNullable(f.maxAmount()).ifPresent(v -> m.put("maxAmount", v));
        Optional.ofNullable(f.remitStatus()).ifPresent(v -> m.put("remitStatus", v));
        Optional.ofNullable(f.carc()).ifPresent(v -> m.put("carc", v));
        return m;
    }

    private static LocalDate date(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        try {
            return LocalDate.parse(v.asText().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be a date YYYY-MM-DD, got '" + v.asText() + "'");
        }
    }

    private static BigDecimal amount(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        try {
            BigDecimal b = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
            if (b.signum() < 0) throw new NumberFormatException();
            return b;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be an amount of at least 0 such as 125.50, got '" + v.asText() + "'");
        }
    }
}
