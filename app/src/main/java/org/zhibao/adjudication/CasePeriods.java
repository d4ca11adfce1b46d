package org.zhibao.adjudication;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.zhibao.adjudication.AdjudicationCase.CaseParty;
import org.zhibao.adjudication.AdjudicationCase.ClockStop;
import org.zhibao.adjudication.RunningPeriod.State;
import org.zhibao.calendar.Deadline;
import org.zhibao.calendar.Deadlines;

/**
 * The periods of one case on one day, from its dates and the rules it was filed under. Nothing here is
 * stored: the working-day calendar is asked anew each time.
 */
final class CasePeriods {

    private final AdjudicationCase c;
    private final ProcedureRules rules;
    private final Deadlines deadlines;
    private final LocalDate today;

    private CasePeriods(AdjudicationCase c, ProcedureRules rules, Deadlines deadlines, LocalDate today) {
        this.c = c;
        this.rules = rules;
        this.deadlines = deadlines;
        this.today = today;
    }

    static List<RunningPeriod> of(AdjudicationCase c, ProcedureRules rules, Deadlines deadlines, LocalDate today) {
        return new CasePeriods(c, rules, deadlines, today).all();
    }

    /** The last day of the answer period of the respondent served last, once all are served. */
    static LocalDate answerEnds(AdjudicationCase c, ProcedureRules rules, Deadlines deadlines) {
        LocalDate latest = null;
        for (CaseParty respondent : c.respondents()) {
            if (respondent.receivedOn() == null) {
                return null;
            }
            LocalDate end = answerPeriod(respondent, rules, deadlines).end();
            latest = latest == null || end.isAfter(latest) ? end : latest;
        }
        return latest;
    }

    /** The earliest day a hearing noticed today may be held: at least 3 working days' notice (art. 26). */
    static LocalDate earliestHearing(LocalDate noticeDay, Deadlines deadlines) {
        return deadlines.workingDaysAfter(noticeDay, 3).end().plusDays(1);
    }

    private List<RunningPeriod> all() {
        List<RunningPeriod> periods = new ArrayList<>();
        acceptanceReview(periods);
        if (c.correctionDue != null) {
            boolean cured = c.status != CaseStatus.CORRECTION_REQUESTED;
            periods.add(new RunningPeriod(Period.CORRECTION, null, "adjudication.basis.art-16", c.correctionRequestedOn,
                    c.correctionDue, List.of(), 0, cured ? State.ENDED : state(c.correctionDue, null, false), null));
        }
        if (c.docketedOn != null) {
            PeriodRule service = rules.rule(Period.SERVICE_ON_RESPONDENT);
            Deadline serviceEnds = service.from(c.docketedOn, deadlines);
            periods.add(simple(Period.SERVICE_ON_RESPONDENT, service, serviceEnds, c.servedOn));
            for (CaseParty respondent : c.respondents()) {
                if (respondent.receivedOn() != null) {
                    Deadline answer = answerPeriod(respondent, rules, deadlines);
                    Period period = respondent.domicileInChina() ? Period.ANSWER : Period.ANSWER_WITHOUT_DOMICILE_IN_CHINA;
                    LocalDate met = c.answerReceivedOn;
                    periods.add(new RunningPeriod(period, respondent.name(), rules.rule(period).basis(),
                            answer.start(), answer.end(), List.of(answer), 0,
                            met != null ? State.MET : today.isAfter(answer.end()) ? State.ENDED : State.OPEN, met));
                }
            }
            if (c.answerReceivedOn != null) {
                PeriodRule forwarding = rules.rule(Period.ANSWER_FORWARDING);
                periods.add(simple(Period.ANSWER_FORWARDING, forwarding,
                        forwarding.from(c.answerReceivedOn, deadlines), c.answerForwardedOn));
            }
            periods.add(timeLimit());
        }
        if (c.decidedOn != null) {
            PeriodRule publication = rules.rule(Period.PUBLICATION);
            periods.add(simple(Period.PUBLICATION, publication, publication.from(c.decidedOn, deadlines), c.publishedOn));
        }
        if (c.decisionServedOn != null) {
            PeriodRule lawsuit = rules.rule(Period.LAWSUIT);
            Deadline end = lawsuit.from(c.decisionServedOn, deadlines);
            periods.add(new RunningPeriod(Period.LAWSUIT, null, lawsuit.basis(), end.start(), end.end(), List.of(end), 0,
                    today.isAfter(end.end()) ? State.ENDED : State.OPEN, null));
        }
        if (c.genericPublishedOn != null) {
            PeriodRule window = rules.rule(Period.DRUG_PATENT_WINDOW);
            Deadline end = window.from(c.genericPublishedOn, deadlines);
            periods.add(new RunningPeriod(Period.DRUG_PATENT_WINDOW, null, window.basis(), end.start(), end.end(),
                    List.of(end), 0, today.isAfter(end.end()) ? State.ENDED : State.OPEN, null));
        }
        return periods;
    }

    private void acceptanceReview(List<RunningPeriod> periods) {
        PeriodRule review = rules.rule(Period.ACCEPTANCE_REVIEW);
        Deadline base = review.from(c.receivedOn, deadlines);
        List<Deadline> computation = new ArrayList<>(List.of(base));
        LocalDate end = base.end();
        if (c.reviewExtended) {
            Deadline more = rules.rule(Period.ACCEPTANCE_REVIEW_EXTENSION).from(end, deadlines);
            computation.add(more);
            end = more.end();
        }
        LocalDate met = c.docketedOn != null ? c.docketedOn
                : c.status == CaseStatus.NOT_DOCKETED || c.status == CaseStatus.TRANSFERRED ? c.closedOn : null;
        State state;
        if (met != null) {
            state = State.MET;
        }
        else if (c.status == CaseStatus.SUBMITTED) {
            state = state(end, null, false);
        }
        else {
            state = State.ENDED;
        }
        periods.add(new RunningPeriod(Period.ACCEPTANCE_REVIEW, null, review.basis(), c.receivedOn, end, computation, 0,
                state, met));
    }

    private RunningPeriod timeLimit() {
        long stopped = 0;
        boolean running = true;
        for (ClockStop stop : c.stops) {
            if (stop.open()) {
                running = false;
                stopped += ChronoUnit.DAYS.between(stop.startedOn(), today);
            }
            else {
                stopped += ChronoUnit.DAYS.between(stop.startedOn(), stop.endedOn());
            }
        }
        Period period;
        PeriodRule rule;
        Deadline base;
        if (c.kind == CaseKind.SIMPLIFIED && c.simplifiedLimitDays != null) {
            period = Period.SIMPLIFIED_TIME_LIMIT;
            rule = null;
            base = deadlines.daysAfter(c.docketedOn, c.simplifiedLimitDays);
        }
        else {
            period = Period.CASE_TIME_LIMIT;
            rule = rules.rule(Period.CASE_TIME_LIMIT);
            base = deadlines.monthsAfter(c.docketedOn, rule.length() + c.grantedMonths());
        }
        List<Deadline> computation = new ArrayList<>(List.of(base));
        LocalDate end = base.end();
        if (running && stopped > 0) {
            Deadline added = deadlines.daysAfter(base.end(), (int) stopped);
            computation.add(added);
            end = added.end();
        }
        LocalDate met = c.decidedOn != null ? c.decidedOn : c.status == CaseStatus.MEDIATED ? c.closedOn : null;
        State state;
        if (met != null) {
            state = State.MET;
        }
        else if (c.status == CaseStatus.WITHDRAWN || c.status == CaseStatus.TRANSFERRED) {
            state = State.ENDED;
        }
        else if (!running) {
            state = State.STOPPED;
            end = null;
        }
        else {
            state = state(end, null, false);
        }
        String basis = rule != null ? rule.basis() : "adjudication.basis.simplified";
        return new RunningPeriod(period, null, basis, c.docketedOn, end, computation, stopped, state, met);
    }

    private RunningPeriod simple(Period period, PeriodRule rule, Deadline deadline, LocalDate met) {
        State state = met != null ? State.MET : c.status.isClosed() ? State.ENDED : state(deadline.end(), null, false);
        return new RunningPeriod(period, null, rule.basis(), deadline.start(), deadline.end(), List.of(deadline), 0,
                state, met);
    }

    private State state(LocalDate end, LocalDate met, boolean stopped) {
        if (met != null) {
            return State.MET;
        }
        if (stopped) {
            return State.STOPPED;
        }
        return today.isAfter(end) ? State.OVERDUE : State.OPEN;
    }

    private static Deadline answerPeriod(CaseParty respondent, ProcedureRules rules, Deadlines deadlines) {
        Period period = respondent.domicileInChina() ? Period.ANSWER : Period.ANSWER_WITHOUT_DOMICILE_IN_CHINA;
        return rules.rule(period).from(respondent.receivedOn(), deadlines);
    }
}
