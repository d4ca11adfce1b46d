package org.zhibao.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhibao.adjudication.AdjudicationCase.CaseMember;
import org.zhibao.patent.PatentKind;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/** The procedure's guards on one case, without a database. */
class AdjudicationCaseTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    static AdjudicationCase docketed(CaseKind kind) {
        AdjudicationCase c = new AdjudicationCase();
        c.kind = kind;
        c.status = CaseStatus.DOCKETED;
        c.patentKind = PatentKind.INVENTION;
        c.docketedOn = DAY;
        return c;
    }

    static CaseMember member(long id, MemberRole role) {
        return new CaseMember(id, id, "m" + id, role, DAY, null, null);
    }

    @Test
    void aMajorCaseIsDecidedByAnOddPanelOfThreeOrMoreWithOnePresiding() {
        AdjudicationCase c = docketed(CaseKind.MAJOR);
        assertThatThrownBy(() -> c.assign(member(1, MemberRole.HANDLING_OFFICER), false))
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.member.panel-required");
        c.assign(member(1, MemberRole.PRESIDING), false);
        c.assign(member(2, MemberRole.PANEL_MEMBER), false);
        assertThat(c.benchProblem()).contains("adjudication.member.panel-incomplete");
        c.assign(member(3, MemberRole.PANEL_MEMBER), false);
        assertThat(c.benchProblem()).isEmpty();
        c.assign(member(4, MemberRole.PANEL_MEMBER), false);
        assertThat(c.benchProblem()).contains("adjudication.member.panel-incomplete");
        assertThatThrownBy(() -> c.assign(member(5, MemberRole.PRESIDING), false))
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.member.one-presiding");
    }

    @Test
    void anOrdinaryCaseNeedsItsHandlingOfficerBeforeAHearing() {
        AdjudicationCase c = docketed(CaseKind.ORDINARY);
        assertThatThrownBy(() -> c.scheduleHearing(DAY.plusDays(10).atTime(9, 0), "room", DAY, DAY.plusDays(4)))
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.member.none");
    }

    @Test
    void anInvalidationRequestObligesSuspensionOnlyForUtilityModelsAndDesigns() {
        assertThat(SuspensionGround.INVALIDATION_ACCEPTED.mandatoryFor(PatentKind.UTILITY_MODEL)).isTrue();
        assertThat(SuspensionGround.INVALIDATION_ACCEPTED.mandatoryFor(PatentKind.DESIGN)).isTrue();
        assertThat(SuspensionGround.INVALIDATION_ACCEPTED.mandatoryFor(PatentKind.INVENTION)).isFalse();
    }

    @Test
    void majorAndDrugPatentDisputesGoToTheNationalOfficeOnly() {
        String digits = "202310123456";
        FileRequest drug = new FileRequest(CaseKind.DRUG_PATENT, 1, "ZL" + digits + "."
                + org.zhibao.patent.PatentApplicationNumber.checkDigitOf(digits), "", "1", "facts", "", "330106",
                new PartyInput("a", "b", "", true, ""), List.of(new PartyInput("c", "d", "", true, "")), null);
        List<FieldProblem> atProvince = RequestRules.check(drug, Optional.of(new Jurisdiction(RegionCode.of("330000"))), true);
        assertThat(atProvince).extracting(FieldProblem::field).contains("officeId", "genericPublishedOn");
        List<FieldProblem> atNational = RequestRules.check(drug, Optional.of(Jurisdiction.national()), true);
        assertThat(atNational).extracting(FieldProblem::field).containsExactly("genericPublishedOn");
    }

    @Test
    void correctionIsAskedForOnceWithEverythingListed() {
        AdjudicationCase c = new AdjudicationCase();
        c.status = CaseStatus.SUBMITTED;
        c.requestCorrection("证据目录", DAY.plusDays(10), DAY);
        c.correct(DAY.plusDays(3));
        assertThat(c.status).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.receivedOn).isEqualTo(DAY.plusDays(3));
        assertThatThrownBy(() -> c.requestCorrection("又一项", DAY.plusDays(20), DAY.plusDays(4)))
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.correction.only-once");
    }
}
