package io.oncoaudit.core.json;

/** The encounter of contract section 5, verbatim, shared by the codec and CLI tests. */
public final class ContractExample {
    private ContractExample() { }

    public static final String ENCOUNTER = """
            {
              "claimId": "C-1001",
              "patientId": "P-77",
              "dateOfService": "2026-03-02",
              "billingNpi": "1234567893",
              "payerId": "MEDICARE",
              "placeOfService": "11",
              "diagnosisCodes": ["C50.911"],
              "lines": [
                {"lineNumber": 1, "procedureCode": "96372", "modifiers": [], "units": 1,
                 "chargeAmount": 60.00, "allowedAmount": 14.50, "paidAmount": 11.60,
                 "adjustmentReasonCodes": [], "remarkCodes": []},
                {"lineNumber": 2, "procedureCode": "J9395", "modifiers": ["JZ"], "units": 20,
                 "chargeAmount": 2400.00}
              ],
              "administrations": [
                {"administrationId": "A1", "drugCode": "J9395", "dose": 500, "doseUnit": "mg",
                 "route": "IM"}
              ]
            }
            """;

    /** The example with {@code claimId} replaced, for multi-encounter inputs. */
    public static String withClaimId(String claimId) {
        return ENCOUNTER.replace("\"C-1001\"", JsonWriter.write(claimId));
    }
}
