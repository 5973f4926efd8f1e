package io.oncoaudit.api.appeals.letter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.remits.RemitsRepository;
import java.util.List;

/**
 * Issue 15: the payer's remittance advice lines (X12 835, audit --remits) of a claim, enclosed in its appeal packet as
 * {@code remittance-<claim>.csv}: only what the payer sent (codes, units, charge, allowed, paid, adjustments, remark
 * codes, status), none of our own figures. A claim without remittance lines encloses nothing and claims nothing.
 *
 * <p>The letter's enclosure list gets one more item when the file is enclosed ({@link #enclosureItems}).
 */
record RemittanceEnclosure(String claimId, String csv) {

    static RemittanceEnclosure of(RemitsRepository remits, LetterData d) {
        if (remits == null || d.runId() == null) return new RemittanceEnclosure(d.claimId(), null);
        List<ObjectNode> lines = remits.claimLines(d.runId(), d.claimId());
        return new RemittanceEnclosure(d.claimId(), lines.isEmpty() ? null : csv(d.claimId(), lines));
    }

    String fileBase() { return "remittance-" + PacketWriter.fileSafe(claimId); }

    /** The letter's enclosure item for the remittance file (none without one); the template escapes it. */
    List<String> enclosureItems() {
        if (csv == null) return List.of();
        return List.of("Remittance advice (X12 835) lines for claim " + claimId
                + " as the payer sent them: codes, units, charge, allowed and paid amounts, adjustment reason and remark codes ("
                + fileBase() + ".csv of this packet)");
    }

    static String csv(String claimId, List<ObjectNode> lines) {
        StringBuilder b = new StringBuilder("claim_id,payer_claim_number,claim_status,line_number,procedure_code,modifiers,"
                + "adjudicated_code,date_of_service,units,charge,allowed,paid,patient_responsibility,adjustments,remark_codes,line_status\r\n");
        for (ObjectNode l : lines) {
            StringBuilder adj = new StringBuilder();
            for (JsonNode a : l.path("adjustments")) {
                if (adj.length() > 0) adj.append('|');
                adj.append(a.path("group").asText()).append('-').append(a.path("carc").asText()).append(' ').append(a.path("amount").asText());
            }
            String[] cells = {claimId, text(l, "payerClaimNumber"), text(l, "claimStatus"), text(l, "lineNumber"), text(l, "procedureCode"),
                    join(l.path("modifiers")), text(l, "adjudicatedCode"), text(l, "dateOfService"), text(l, "units"), text(l, "charge"),
                    text(l, "allowed"), text(l, "paid"), text(l, "patientResponsibility"), adj.toString(), join(l.path("rarc")),
                    text(l, "remitStatus")};
            for (int i = 0; i < cells.length; i++) b.append(i == 0 ? "" : ",").append(PacketWriter.csvCell(cells[i]));
            b.append("\r\n");
        }
        return b.toString();
    }

    private static String text(JsonNode l, String field) {
        JsonNode v = l.get(field);
        return v == null || v.isNull() ? null : v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    }

    private static String join(JsonNode list) {
        StringBuilder s = new StringBuilder();
        for (JsonNode v : list) s.append(s.length() == 0 ? "" : "|").append(v.asText());
        return s.toString();
    }
}
