package lu.ccss.guichet.mandate.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lu.ccss.guichet.events.Domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An agent named in a request and the domains it may act in. */
@Entity
@Table(name = "request_agent")
public class RequestAgent extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public String name;

    /** The day the employer said this agent's mandates expire; null: no end. */
    @Column(name = "mandate_ends_on")
    public LocalDate mandateEndsOn;

    /** Comma-separated domain names, in the order of {@link Domain}. */
    @Column(nullable = false)
    String domains;

    public static RequestAgent of(UUID requestId, String registrationNumber, String name, Set<Domain> domains,
                                  LocalDate mandateEndsOn) {
        RequestAgent agent = new RequestAgent();
        agent.id = new Key(requestId, registrationNumber);
        agent.name = name;
        agent.mandateEndsOn = mandateEndsOn;
        agent.domains = EnumSet.copyOf(domains).stream().map(Enum::name).collect(Collectors.joining(","));
        return agent;
    }

    public String registrationNumber() {
        return id.registrationNumber;
    }

    /** When a mandate obtained for this agent expires: the start of its end day in Luxembourg; null: never. */
    public Instant mandateExpiresAt() {
        return mandateEndsOn == null ? null : mandateEndsOn.atStartOfDay(Times.LUXEMBOURG).toInstant();
    }

    public Set<Domain> domains() {
        return Arrays.stream(domains.split(",")).map(Domain::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Domain.class)));
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "request_id", nullable = false)
        public UUID requestId;

        @Column(name = "registration_number", nullable = false)
        public String registrationNumber;

        protected Key() {
        }

        public Key(UUID requestId, String registrationNumber) {
            this.requestId = requestId;
            this.registrationNumber = registrationNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId)
                    && Objects.equals(registrationNumber, k.registrationNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, registrationNumber);
        }
    }
}
