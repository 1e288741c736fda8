package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.events.PostalAddress;

/**
 * An employer or an agent as the CCSS employer register names it: the only trusted source of its legal name and of
 * the address its code letters go to. Never what a filer typed.
 */
public record RegisteredParty(String registrationNumber, String legalName, PostalAddress address) {
}
