package lu.ccss.guichet.mailing.rest;

/** Realm roles of the mailing API besides service-lib's (Caller). */
public final class Roles {

    /**
     * The print provider: downloads what is printed (codes inside), always encrypted for its own key, each download
     * audited. Not an operator: it cannot list letters nor record posting.
     */
    public static final String PRINT_PROVIDER = "print-provider";

    private Roles() {
    }
}
