package lu.ccss.guichet.certification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.persistence.Address;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An agent of a request (step 5), in the order the filer entered it. */
@Entity
@Table(name = "certification_agent")
public class RequestAgent extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public CertificationRequest request;

    @Column(nullable = false)
    public int position;

    @Column(name = "registration_number", nullable = false)
    public String registrationNumber;

    @Column(nullable = false)
    public String name;

    @Embedded
    public Address address;

    @Column(nullable = false)
    public String email;

    /** The agent's domains, comma-separated in the order of {@link Domain}. */
    @Column(nullable = false)
    public String domains;

    /** The last day of the agent's mandate, if the employer chose one. */
    @Column(name = "mandate_ends_on")
    public LocalDate mandateEndsOn;

    static RequestAgent of(CertificationRequest request, int position, AgentDetails details) {
        RequestAgent agent = new RequestAgent();
        agent.id = UUID.randomUUID();
        agent.request = request;
        agent.position = position;
        agent.registrationNumber = details.registrationNumber();
        agent.name = details.name();
        agent.address = Address.of(details.address());
        agent.email = details.email();
        agent.domains = EnumSet.copyOf(details.domains()).stream().map(Domain::name).collect(Collectors.joining(","));
        agent.mandateEndsOn = details.mandateEndsOn();
        return agent;
    }

    /** Names and addresses the agent as the register has it now. */
    void registeredAs(RegisteredParty registered) {
        name = registered.legalName();
        address = Address.of(registered.address());
    }

    public AgentDetails details() {
        Set<Domain> set = EnumSet.noneOf(Domain.class);
        Arrays.stream(domains.split(",")).map(Domain::valueOf).forEach(set::add);
        return new AgentDetails(registrationNumber, name, address.toPostalAddress(), email, set, mandateEndsOn);
    }
}
