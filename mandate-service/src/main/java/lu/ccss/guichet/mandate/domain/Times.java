package lu.ccss.guichet.mandate.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Instants at the precision PostgreSQL keeps, so that what is stored, published and answered is the same. */
public final class Times {

    private Times() {
    }

    /** The zone of the CCSS: a date the employer gives is a day in Luxembourg. */
    public static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
