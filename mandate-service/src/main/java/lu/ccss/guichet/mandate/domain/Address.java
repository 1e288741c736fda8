package lu.ccss.guichet.mandate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lu.ccss.guichet.events.PostalAddress;

/** Where a code letter goes. */
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

    public PostalAddress toPostal() {
        return new PostalAddress(street, number, postcode, locality, country);
    }
}
