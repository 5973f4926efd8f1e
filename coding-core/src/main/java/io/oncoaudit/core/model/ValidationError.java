package io.oncoaudit.core.model;

/** Why an encounter was rejected: the field path and a message a person can act on (contract section 6). */
public record ValidationError(String field, String message) {
}
