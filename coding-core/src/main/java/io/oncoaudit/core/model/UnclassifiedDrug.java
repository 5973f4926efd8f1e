package io.oncoaudit.core.model;

/**
 * A drug the recoder could not classify (unknown code, or a known code with no class from a public source):
 * no confident finding is made on its administration; the billed administration code is kept as the expected
 * line and a person reviews it (contract section 4, {@code unclassifiedDrugs}).
 */
public record UnclassifiedDrug(String administrationId, String drugCode, String drugName, String reason) {
}
