package org.zhibao.office;

/**
 * A {@link CreateOffice} that cannot be carried out for a reason the user can correct. Creating an office
 * outside one's jurisdiction is not one of them: that is an {@code AccessDeniedException}.
 */
public class OfficeNotCreated extends RuntimeException {

    private final String field;
    private final String messageCode;

    OfficeNotCreated(String field, String messageCode, String message) {
        super(message);
        this.field = field;
        this.messageCode = messageCode;
    }

    /** The property of {@link CreateOffice} at fault. */
    public String field() {
        return field;
    }

    /** Key of the explanation in the office message bundle. */
    public String messageCode() {
        return messageCode;
    }
}
