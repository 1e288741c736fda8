package lu.ccss.guichet.certification.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a certification request stands. */
public enum RequestState {
    /** Being filled in; every step can be saved again. */
    DRAFT,
    /** Data locked, document rendered, waiting for the e-signature. */
    CONFIRMED,
    /** Signed; waiting to be transmitted. */
    SIGNED,
    /** "Démarche transmise à l'organisme compétent": final, never changes again. */
    TRANSMITTED,
    /** Abandoned by the filer. */
    CANCELLED,
    /** Left untouched too long. */
    EXPIRED;

    /** The states of a request that still counts as the one open request of its space and employer. */
    public static final Set<RequestState> OPEN = EnumSet.of(DRAFT, CONFIRMED, SIGNED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
