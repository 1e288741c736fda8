package lu.ccss.guichet.events;

/** Kafka topics; each service publishes on its own topic, records keyed by aggregate id. */
public final class Topics {
    public static final String SPACE = "guichet.space.events";
    public static final String CERTIFICATION = "guichet.certification.events";
    public static final String MANDATE = "guichet.mandate.events";
    public static final String MAILING = "guichet.mailing.events";
    public static final String EDELIVERY = "guichet.edelivery.events";
    /** The CCSS employer register (an outside system): who is registered, where, and whether still active. */
    public static final String REGISTER = "guichet.register.events";

    private Topics() {
    }
}
