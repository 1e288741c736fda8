package lu.ccss.guichet.edelivery.rest;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.validation.Checked;

/**
 * The inbox's query parameters, read. Their annotations on {@link EDeliveryResource#documents} have checked them:
 * a bad one is a 400 naming it (not JAX-RS's silent default or 404).
 */
record InboxQuery(Domain domain, boolean unreadOnly, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;
    static final String BOOLEAN = "(?i)\\s*(true|false)\\s*";

    static InboxQuery of(String rawDomain, String rawUnread, String rawPage, String rawSize) {
        Domain domain = rawDomain == null || rawDomain.isBlank() ? null : Domain.parse(rawDomain).orElseThrow();
        boolean unread = rawUnread != null && Boolean.parseBoolean(rawUnread.strip());
        return new InboxQuery(domain, unread, (int) Checked.wholeNumber(rawPage, 0),
                (int) Checked.wholeNumber(rawSize, DEFAULT_SIZE));
    }
}
