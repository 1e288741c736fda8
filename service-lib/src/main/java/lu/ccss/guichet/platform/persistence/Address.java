package lu.ccss.guichet.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lu.ccss.guichet.events.PostalAddress;

/** A postal address stored as columns of an entity (street, house_number, postcode, locality, country). */
@Embeddable
public class Address {

    @Column(nullable = false)
    public String street;

    @Column(name = "house_number", nullable = false)
    public String number;

    @Column(nullable = false)
    public String postcode;

    @Column(nullable = false)
    public String locality;

    /** ISO 3166-1 alpha-2, upper case. */
    @Column(nullable = false)
    public String country;

    public static Address of(PostalAddress address) {
        Address a = new Address();
        a.street = address.street();
        a.number = address.number();
        a.postcode = address.postcode();
        a.locality = address.locality();
        a.country = address.country();
        return a;
    }

    public PostalAddress toPostalAddress() {
        return new PostalAddress(street, number, postcode, locality, country);
    }
}
