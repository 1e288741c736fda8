package lu.ccss.guichet.events;

/** A postal address as printed on a letter; {@code country} is an ISO 3166-1 alpha-2 code. */
public record PostalAddress(String street, String number, String postcode, String locality, String country) {
}
