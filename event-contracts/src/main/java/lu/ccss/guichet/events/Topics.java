package lu.ccss.guichet.events;

import java.util.Map;
import java.util.Optional;

/**
 * Kafka topics; each service publishes on its own topic, records keyed by aggregate id. Each topic has one owner,
 * named by the CloudEvents {@code ce_source} of its records ({@link #ownerSource}): a consumer accepts a record only
 * from its topic's owner.
 */
public final class Topics {
    public static final String SPACE = "guichet.space.events";
    public static final String CERTIFICATION = "guichet.certification.events";
    public static final String MANDATE = "guichet.mandate.events";
    public static final String MAILING = "guichet.mailing.events";
    public static final String EDELIVERY = "guichet.edelivery.events";
    /**
     * A private topic: the content of the documents the mailing-service routes to eDelivery inboxes. Only the
     * edelivery-service may read it (Kafka ACL, {@link Subscriptions#privateReaders}); public topics carry facts and
     * references only.
     */
    public static final String MAILING_INBOX = "guichet.mailing.inbox-documents";
    /** The CCSS employer register (an outside system): who is registered, where, and whether still active. */
    public static final String REGISTER = "guichet.register.events";

    /** The {@code ce_source} of the employer register's events (an outside system, fed by register-import). */
    public static final String REGISTER_SOURCE = "/ccss/employer-register";

    /** Topic -> the {@code ce_source} of the only publisher allowed on it. */
    private static final Map<String, String> OWNERS = Map.of(
            SPACE, "/guichet/space-service",
            CERTIFICATION, "/guichet/certification-service",
            MANDATE, "/guichet/mandate-service",
            MAILING, "/guichet/mailing-service",
            MAILING_INBOX, "/guichet/mailing-service",
            EDELIVERY, "/guichet/edelivery-service",
            REGISTER, REGISTER_SOURCE);

    private Topics() {
    }

    /** The {@code ce_source} of the owner of {@code topic}, if the topic is one of the platform's. */
    public static Optional<String> ownerSource(String topic) {
        return Optional.ofNullable(OWNERS.get(topic));
    }

    /** Every topic of the platform with its owner's {@code ce_source}. */
    public static Map<String, String> owners() {
        return OWNERS;
    }
}
