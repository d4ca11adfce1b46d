package org.zhibao.adjudication;

import java.util.Arrays;

/**
 * Something the procedure does not allow, said so the user understands why: a message code of the
 * adjudication bundle and its arguments. Thrown before anything is changed; the page or API shows the message
 * in the user's language.
 */
public class CaseRefused extends RuntimeException {

    private final String messageCode;
    private final transient Object[] arguments;

    public CaseRefused(String messageCode, Object... arguments) {
        super(messageCode + Arrays.toString(arguments));
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
