package lu.ccss.guichet.edelivery.domain;

/** A routed document this inbox does not take; the record goes to the dead-letter topic with this reason. */
public class DocumentRefusedException extends RuntimeException {

    public DocumentRefusedException(String message) {
        super(message);
    }
}
