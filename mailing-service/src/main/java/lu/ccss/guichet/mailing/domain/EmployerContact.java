package lu.ccss.guichet.mailing.domain;

import lu.ccss.guichet.platform.persistence.Address;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An employer's name, postal address and correspondence language as its latest code letter carried them: where a
 * document goes by post when its sender gives no address.
 */
@Entity
@Table(name = "employer_contact")
public class EmployerContact extends PanacheEntityBase {

    @Id
    public String employer;

    @Column(nullable = false)
    public String name;

    @Embedded
    public Address address;

    @Column(nullable = false)
    public String language;

    /** When the codes that carried this address were issued; an older issuance never overwrites a newer one. */
    @Column(name = "known_at", nullable = false)
    public Instant knownAt;
}
