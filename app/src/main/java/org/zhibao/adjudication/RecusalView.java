package org.zhibao.adjudication;

import java.time.LocalDate;

/** A party's application to recuse a member, waiting for the office head. */
public record RecusalView(long id, long memberId, String member, String appliedBy, String grounds, LocalDate appliedOn) {
}
