package org.zhibao.identity;

/** The commands the identity module takes. */
public final class Commands {

    private Commands() {
    }

    /** The system administrator opens an account for an official; roles come from the security administrator. */
    public record CreateOfficial(String username, String displayName, long officeId, String initialPassword) {
    }

    /** A member of the public registers with an email address or a mobile number. */
    public record RegisterPublicUser(String email, String phone, String displayName, PartyType partyType,
            String password) {
    }

    /** The system administrator opens an account for an e-commerce platform's system. */
    public record CreatePlatform(String username, String displayName, String initialPassword) {
    }
}
