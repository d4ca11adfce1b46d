package org.zhibao.adjudication;

import java.time.LocalDate;

/** A tie an official declared with a party: they will not be assigned to that party's cases. */
public record ConflictDeclaration(String partyName, String creditCode, String grounds, LocalDate declaredOn) {
}
