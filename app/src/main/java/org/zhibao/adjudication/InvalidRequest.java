package org.zhibao.adjudication;

import java.util.List;

/** A request with fields that cannot be accepted; every problem is listed, field by field. */
public class InvalidRequest extends CaseRefused {

    private final List<FieldProblem> problems;

    InvalidRequest(List<FieldProblem> problems) {
        super("adjudication.request.invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
