package io.oncoaudit.core.json;

import io.oncoaudit.core.json.CodecJson.ParsedEncounter;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.InvalidFieldException;
import io.oncoaudit.core.model.PumpOwner;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.model.ValidationError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one parsed JSON value into an {@link Encounter} (contract section 5), checking presence and
 * types only. The first problem found, in contract field order, becomes the encounter's
 * {@link ValidationError}, with a path relative to the encounter ({@code lines[1].units}). Value rules
 * (dose &gt; 0, end not before start, NPI check digit, duplicate line numbers...) are the recoder's
 * validator's job, so the batch and this codec cannot disagree on them.
 *
 * <p>Leniency, all documented in the contract's spirit of "customer data as it arrives":
 * strings are trimmed; a number where a code is expected is taken as its plain text ({@code 11} for
 * place of service); a numeric string where a number is expected is accepted ({@code "20"});
 * list fields also accept one {@code |}-separated string as in the CSV extract; {@code pump} also accepts
 * "true"/"false"; timestamps may use a space instead of 'T' and carry a fraction of a second (as in the batch).
 * Unknown fields are ignored.
 */
final class EncounterReader {
    private EncounterReader() { }

    static ParsedEncounter read(Object node) {
        if (!(node instanceof JsonObject o)) {
            return new ParsedEncounter(null, null,
                    new ValidationError("encounter", "must be a JSON object {\"claimId\": ...}, not " + describe(node)));
        }
        String claimId = readableClaimId(o);
        try {
            Encounter e = encounter(new Fields(o, ""));
            return new ParsedEncounter(e, e.claimId(), null);
        } catch (InvalidFieldException ex) {
            return new ParsedEncounter(null, claimId, ex.toError());
        }
    }

    /** The claim id for the error result, when it can be read at all. */
    private static String readableClaimId(JsonObject o) {
        Object v = o.get("claimId");
        if (v instanceof String s) {
            s = s.trim();
            return s.isEmpty() ? null : s;
        }
        if (v instanceof BigDecimal d) return d.toPlainString();
        return null;
    }

    private static Encounter encounter(Fields f) {
        String claimId = f.string("claimId", true);
        String patientId = f.string("patientId", true);
        LocalDate dos = f.date("dateOfService");
        String billingNpi = f.string("billingNpi", true);
        String renderingNpi = f.string("renderingNpi", false);
        String providerName = f.string("providerName", false);
        String payerId = f.string("payerId", true);
        String payerName = f.string("payerName", false);
        String pos = f.string("placeOfService", true);
        List<String> dx = f.strings("diagnosisCodes", true);
        List<ClaimLine> lines = lines(f);
        List<Administration> admins = administrations(f);
        ClaimType claimType = ClaimType.parse(f.path("claimType"), f.string("claimType", false));
        String billType = f.string("billType", false);
        String memberId = f.string("memberId", false);
        String patientName = f.string("patientName", false);
        String payerClaimNumber = f.string("payerClaimNumber", false);
        return new Encounter(claimId, patientId, dos, billingNpi, renderingNpi, providerName, payerId, payerName,
                pos, dx, lines, admins, claimType, billType, memberId, patientName, payerClaimNumber);
    }

    private static List<ClaimLine> lines(Fields f) {
        List<?> raw = f.array("lines", true, "claim line objects");
        List<ClaimLine> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Fields l = f.element("lines", i, raw.get(i), "a claim line");
            int lineNumber = l.wholeNumber("lineNumber", true);
            String code = l.string("procedureCode", true);
            List<String> modifiers = l.strings("modifiers", false);
            BigDecimal units = l.number("units", true);
            String ndc = l.string("ndc", false);
            BigDecimal charge = l.number("chargeAmount", true);
            BigDecimal allowed = l.number("allowedAmount", false);
            BigDecimal paid = l.number("paidAmount", false);
            List<String> carc = l.strings("adjustmentReasonCodes", false);
            List<String> rarc = l.strings("remarkCodes", false);
            String revenueCode = l.string("revenueCode", false);
            out.add(new ClaimLine(lineNumber, code, modifiers, units, ndc, charge, allowed, paid, carc, rarc, revenueCode));
        }
        return out;
    }

    private static List<Administration> administrations(Fields f) {
        List<?> raw = f.array("administrations", false, "administration objects");
        List<Administration> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Fields a = f.element("administrations", i, raw.get(i), "an administration");
            String id = a.string("administrationId", true);
            String drugCode = a.string("drugCode", true);
            String drugName = a.string("drugName", false);
            BigDecimal dose = a.number("dose", true);
            DoseUnit unit = DoseUnit.parse(a.path("doseUnit"), a.string("doseUnit", true));
            Route route = Route.parse(a.path("route"), a.string("route", true));
            LocalDateTime start = a.timestamp("startTime", route);
            LocalDateTime end = a.timestamp("endTime", route);
            boolean pump = a.bool("pump");
            BigDecimal wasted = a.number("wasted", false);
            Integer lesions = a.wholeNumber("lesionCount", false);
            String accessSite = a.string("accessSite", false);
            PumpOwner pumpOwner = PumpOwner.parse(a.path("pumpOwner"), a.string("pumpOwner", false));
            String separateSiteReason = a.string("separateSiteReason", false);
            out.add(new Administration(id, drugCode, drugName, dose, unit, route, start, end, pump, wasted, lesions,
                    accessSite, pumpOwner, separateSiteReason));
        }
        return out;
    }

    /** Typed access to one JSON object's members; every failure names the member's full path. */
    private static final class Fields {
        private final JsonObject o;
        private final String prefix;

        Fields(JsonObject o, String prefix) {
            this.o = o;
            this.prefix = prefix;
        }

        String path(String key) { return prefix + key; }

        InvalidFieldException bad(String key, String message) { return new InvalidFieldException(prefix + key, message); }

        Object get(String key) {
            if (o.isDuplicate(key)) throw bad(key, "appears more than once in the object; give it once");
            return o.get(key);
        }

        String string(String key, boolean required) {
            Object v = get(key);
            if (v instanceof String s) {
                s = s.trim();
                if (!s.isEmpty()) return s;
                if (required) throw bad(key, "is required (it is empty)");
                return null;
            }
            if (v == null) {
                if (required) throw bad(key, "is required");
                return null;
            }
            if (v instanceof BigDecimal d) return d.toPlainString();
            throw bad(key, "must be a string, not " + describe(v));
        }

        BigDecimal number(String key, boolean required) {
            Object v = get(key);
            if (v instanceof BigDecimal d) return d;
            if (v instanceof String s) {
                String t = s.trim();
                if (t.isEmpty()) {
                    if (required) throw bad(key, "is required (it is empty)");
                    return null;
                }
                try {
                    BigDecimal d = new BigDecimal(t);
                    if (JsonReader.inRange(d)) return d.scale() < 0 ? d.setScale(0) : d;
                } catch (NumberFormatException e) {
                    // fall through to the message below
                }
                throw bad(key, "must be a number, not '" + s + "'");
            }
            if (v == null) {
                if (required) throw bad(key, "is required");
                return null;
            }
            throw bad(key, "must be a number, not " + describe(v));
        }

        Integer wholeNumber(String key, boolean required) {
            BigDecimal d = number(key, required);
            if (d == null) return null;
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                throw bad(key, "must be a whole number, not " + d.toPlainString());
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw bad(key, "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                        + ", not " + d.toPlainString());
            }
        }

        boolean bool(String key) {
            Object v = get(key);
            if (v == null) return false;
            if (v instanceof Boolean b) return b;
            if (v instanceof String s) {
                String t = s.trim();
                if (t.equalsIgnoreCase("true")) return true;
                if (t.equalsIgnoreCase("false") || t.isEmpty()) return false;
            }
            throw bad(key, "must be true or false, not " + describe(v));
        }

        LocalDate date(String key) {
            Object v = get(key);
            if (v == null) throw bad(key, "is required");
            if (!(v instanceof String s)) throw bad(key, "must be a YYYY-MM-DD date string, not " + describe(v));
            String t = s.trim();
            if (t.isEmpty()) throw bad(key, "is required (it is empty)");
            LocalDate d = parseDate(t);
            if (d == null) throw bad(key, "'" + s + "' is not a YYYY-MM-DD date");
            return d;
        }

        /** A timestamp, required when {@code route} needs times (contract section 1: IV, INTRA_ARTERIAL). */
        LocalDateTime timestamp(String key, Route route) {
            Object v = get(key);
            String t = v instanceof String s ? s.trim() : null;
            if (v == null || (t != null && t.isEmpty())) {
                if (route.timed()) {
                    throw bad(key, "is required when route is " + route.name()
                            + " (push or infusion, and infusion hours, depend on the documented times)");
                }
                return null;
            }
            if (t == null) throw bad(key, "must be a YYYY-MM-DDTHH:MM[:SS] timestamp string, not " + describe(v));
            LocalDateTime d = parseTimestamp(t);
            if (d == null) throw bad(key, "'" + v + "' is not a YYYY-MM-DDTHH:MM[:SS] local timestamp");
            return d;
        }

        /** A list of codes: a JSON array of strings, or one '|'-separated string as in the CSV extract. */
        List<String> strings(String key, boolean required) {
            Object v = get(key);
            List<String> out;
            if (v == null) {
                out = List.of();
            } else if (v instanceof List<?> list) {
                out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object e = list.get(i);
                    if (e instanceof String s) {
                        s = s.trim();
                        if (!s.isEmpty()) out.add(s);
                    } else if (e instanceof BigDecimal d) {
                        out.add(d.toPlainString());
                    } else if (e != null) {
                        throw new InvalidFieldException(prefix + key + "[" + i + "]", "must be a string, not " + describe(e));
                    }
                }
            } else if (v instanceof String s) {
                out = splitBars(s);
            } else if (v instanceof BigDecimal d) {
                out = List.of(d.toPlainString());
            } else {
                throw bad(key, "must be an array of strings, not " + describe(v));
            }
            if (required && out.isEmpty()) {
                throw bad(key, v == null ? "is required" : "is required (it is empty)");
            }
            return out;
        }

        List<?> array(String key, boolean required, String what) {
            Object v = get(key);
            if (v instanceof List<?> list) {
                if (required && list.isEmpty()) throw bad(key, "is required (it is empty): give at least one of the " + what);
                return list;
            }
            if (v == null) {
                if (required) throw bad(key, "is required");
                return List.of();
            }
            throw bad(key, "must be an array of " + what + ", not " + describe(v));
        }

        Fields element(String key, int index, Object element, String what) {
            String p = prefix + key + "[" + index + "]";
            if (element instanceof JsonObject obj) return new Fields(obj, p + ".");
            throw new InvalidFieldException(p, "must be a JSON object (" + what + "), not " + describe(element));
        }
    }

    private static List<String> splitBars(String s) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '|') {
                String part = s.substring(start, i).trim();
                if (!part.isEmpty()) out.add(part);
                start = i + 1;
            }
        }
        return out;
    }

    /** Strict YYYY-MM-DD (LocalDate.parse would also take signed and 5+ digit years); null when invalid. */
    static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 0 || d < 0) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS ('T' or a space), the seconds optionally with a fraction of 1-9
     * digits as the batch reads CSV and Parquet cells (audit-batch Cells); null when invalid. No zone or offset:
     * the contract's timestamps are local.
     */
    static LocalDateTime parseTimestamp(String s) {
        int len = s.length();
        int nanos = 0;
        if (len > 20 && len <= 29 && s.charAt(19) == '.') {
            int frac = digits(s, 20, len);
            if (frac < 0) return null;
            for (int i = len; i < 29; i++) frac *= 10;
            nanos = frac;
            s = s.substring(0, 19);
            len = 19;
        }
        if (len != 16 && len != 19) return null;
        LocalDate date = parseDate(s.substring(0, 10));
        char sep = s.charAt(10);
        if (date == null || (sep != 'T' && sep != 't' && sep != ' ') || s.charAt(13) != ':') return null;
        int h = digits(s, 11, 13);
        int min = digits(s, 14, 16);
        int sec = 0;
        if (len == 19) {
            if (s.charAt(16) != ':') return null;
            sec = digits(s, 17, 19);
        }
        if (h < 0 || min < 0 || sec < 0) return null;
        try {
            return date.atTime(h, min, sec, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** What a person sees in a type error: the JSON type and a short rendering of the value. */
    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return "the string '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        if (v instanceof BigDecimal d) return "the number " + d.toPlainString();
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Map<?, ?>) return "an object";
        if (v instanceof List<?>) return "an array";
        return v.getClass().getSimpleName();
    }
}
