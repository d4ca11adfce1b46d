package org.zhibao.identity;

/**
 * A request about an account that the rules refuse, naming the form field and the message code (identity
 * bundle) to show beside it.
 */
public class AccountRuleViolation extends RuntimeException {

    private final String field;
    private final String code;

    public AccountRuleViolation(String field, String code) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
