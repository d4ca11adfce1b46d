package org.zhibao.leads;

import java.util.Arrays;

/**
 * Something the list does not allow, said so the user understands why: a message code of the leads bundle and
 * its arguments. Thrown before anything is changed.
 */
public class LeadRefused extends RuntimeException {

    private final String messageCode;
    private final transient Object[] arguments;

    public LeadRefused(String messageCode, Object... arguments) {
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
