package lu.ccss.guichet.platform.register;

import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;

import java.time.Instant;

/**
 * One entry of the CCSS employer register as this service last learnt it. {@code kind}, {@code legalName},
 * {@code address} and {@code language} are null only for an entry whose cessation arrived before its registration.
 */
public record RegisterEntry(String registrationNumber, PartyKind kind, String legalName, PostalAddress address,
                            String language, Status status, Instant changedAt, Instant ceasedAt) {

    public enum Status {
        ACTIVE,
        CEASED
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Whether codes and letters may go to this entry as {@code kind}: registered as such, and active. */
    public boolean isActive(PartyKind expected) {
        return isActive() && kind == expected;
    }
}
