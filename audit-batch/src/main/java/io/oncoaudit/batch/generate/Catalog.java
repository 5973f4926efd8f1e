package io.oncoaudit.batch.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Providers and payers of generated extracts. Payer ids are those of coding-core's payers.csv. */
final class Catalog {
    record Provider(String npi, String name, String renderingNpi) { }

    record Payer(String id, String name, int weight) { }

    static final List<Payer> PAYERS = List.of(
            new Payer("MEDICARE", "Medicare Part B", 40), new Payer("HUMANA", "Humana Medicare Advantage", 8),
            new Payer("UHC", "UnitedHealthcare Commercial", 12), new Payer("AETNA", "Aetna Commercial", 10),
            new Payer("CIGNA", "Cigna Commercial", 8), new Payer("BCBS", "Blue Cross Blue Shield", 14),
            new Payer("MEDICAID", "Medicaid", 8));

    private static final String[] PRACTICE = {"Oak", "Cedar", "Riverside", "Lakeview", "Summit", "Harbor", "Valley",
            "Northside", "Mercy", "St. Luke's", "Bayshore", "Pinecrest", "Highland", "Meadow", "Granite", "Clínica Nuestra Señora"};
    private static final String[] KIND = {"Oncology", "Cancer Center", "Hematology & Oncology", "Infusion Center",
            "Oncology Associates, P.C."};

    final List<Provider> providers = new ArrayList<>();

    Catalog(Random r, int count) {
        for (int i = 0; i < count; i++) {
            String name = PRACTICE[i % PRACTICE.length] + " " + KIND[(i / PRACTICE.length) % KIND.length];
            providers.add(new Provider(npi(r), name, npi(r)));
        }
    }

    /** A 10-digit NPI with a valid Luhn check digit (prefix 80840, CMS NPI standard). */
    static String npi(Random r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "1" : "2");
        for (int i = 0; i < 8; i++) b.append(r.nextInt(10));
        String base = "80840" + b;
        int sum = 0;
        for (int i = base.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = base.charAt(i) - '0';
            if (k % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return b.toString() + ((10 - sum % 10) % 10);
    }

    Payer payer(Random r) {
        int total = 0;
        for (Payer p : PAYERS) total += p.weight();
        int x = r.nextInt(total);
        for (Payer p : PAYERS) {
            x -= p.weight();
            if (x < 0) return p;
        }
        return PAYERS.get(0);
    }
}
