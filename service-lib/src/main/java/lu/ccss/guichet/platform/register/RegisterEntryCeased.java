package lu.ccss.guichet.platform.register;

import java.time.Instant;

/**
 * Fired (CDI, synchronously) when the register projection learns that an employer or an agent ceased, inside the
 * transaction that records it: an observer's changes and events commit with the projection's, or not at all, and a
 * redelivered {@code EmployerCeased} does not fire it twice.
 */
public record RegisterEntryCeased(String registrationNumber, Instant ceasedAt) {
}
