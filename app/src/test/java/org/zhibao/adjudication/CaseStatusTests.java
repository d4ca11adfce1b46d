package org.zhibao.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.zhibao.TestBundles;

class CaseStatusTests {

    @Test
    void refusesToDecideAnUndocketedCase() {
        assertThatThrownBy(() -> CaseStatus.SUBMITTED.moveTo(CaseStatus.DECIDED))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("SUBMITTED").hasMessageContaining("DECIDED");
    }

    @Test
    void refusesToDocketAWithdrawnRequest() {
        assertThatThrownBy(() -> CaseStatus.WITHDRAWN.moveTo(CaseStatus.DOCKETED)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void refusesToWithdrawADecidedCase() {
        assertThatThrownBy(() -> CaseStatus.DECIDED.moveTo(CaseStatus.WITHDRAWN)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void refusesToDecideASuspendedCaseBeforeItResumes() {
        assertThatThrownBy(() -> CaseStatus.SUSPENDED.moveTo(CaseStatus.DECIDED)).isInstanceOf(IllegalTransition.class);
        assertThat(CaseStatus.SUSPENDED.moveTo(CaseStatus.DOCKETED).moveTo(CaseStatus.DECIDED)).isEqualTo(CaseStatus.DECIDED);
    }

    @Test
    void aCorrectedRequestGoesBackToAcceptanceReview() {
        assertThat(CaseStatus.SUBMITTED.moveTo(CaseStatus.CORRECTION_REQUESTED).moveTo(CaseStatus.SUBMITTED))
                .isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void aRequestNotCorrectedInTimeIsNotDocketed() {
        assertThat(CaseStatus.CORRECTION_REQUESTED.moveTo(CaseStatus.NOT_DOCKETED)).isEqualTo(CaseStatus.NOT_DOCKETED);
    }

    @Test
    void aFailedMediationReturnsToAdjudication() {
        assertThat(CaseStatus.DOCKETED.moveTo(CaseStatus.IN_MEDIATION).moveTo(CaseStatus.DOCKETED))
                .isEqualTo(CaseStatus.DOCKETED);
    }

    @Test
    void aMediationAgreementClosesTheCase() {
        assertThat(CaseStatus.IN_MEDIATION.moveTo(CaseStatus.MEDIATED).isClosed()).isTrue();
    }

    @Test
    void withdrawalIsOpenAtEveryStageBeforeTheEnd() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(status.canMoveTo(CaseStatus.WITHDRAWN)).as(status.name()).isEqualTo(!status.isClosed());
        }
    }

    @Test
    void theClosedStatusesAreExactlyTheEndsOfTheProcedure() {
        Set<CaseStatus> closed = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            if (status.isClosed()) {
                closed.add(status);
            }
        }
        assertThat(closed).containsExactlyInAnyOrder(CaseStatus.MEDIATED, CaseStatus.DECIDED, CaseStatus.NOT_DOCKETED,
                CaseStatus.TRANSFERRED, CaseStatus.WITHDRAWN);
    }

    @Test
    void noStatusMovesToItself() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void everyStatusAndTheRefusalHaveTextInBothLanguages() {
        ResourceBundleMessageSource messages = TestBundles.of("i18n/adjudication");
        for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
            for (CaseStatus status : CaseStatus.values()) {
                assertThat(messages.getMessage(status.messageCode(), null, locale)).isNotBlank();
            }
            IllegalTransition refusal = new IllegalTransition(CaseStatus.SUBMITTED, CaseStatus.DECIDED);
            assertThat(messages.getMessage(refusal.messageCode(), new Object[] { "a", "b" }, locale)).contains("a", "b");
        }
        assertThat(messages.getMessage(CaseStatus.DOCKETED.messageCode(), null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("已立案");
        assertThat(messages.getMessage(CaseStatus.DOCKETED.messageCode(), null, Locale.ENGLISH)).isEqualTo("Docketed");
    }
}
