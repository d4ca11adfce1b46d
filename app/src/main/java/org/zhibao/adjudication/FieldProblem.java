package org.zhibao.adjudication;

/** One field of a request that cannot be accepted, with the message (adjudication bundle) that says why. */
public record FieldProblem(String field, String messageCode, Object... arguments) {
}
