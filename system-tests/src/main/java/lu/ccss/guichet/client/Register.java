package lu.ccss.guichet.client;

import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.EmployerCeased;
import lu.ccss.guichet.events.RegisterEvents.EmployerRegistered;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.launcher.LauncherConfig;
import lu.ccss.guichet.registerimport.RegisterPublisher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The CCSS employer register as the system tests and the benchmark play it, on the running platform's broker and
 * through register-import's publisher: the employers and agents of a request form must be registered before the
 * form can be filed, since the platform takes names and addresses from the register only. The register has one
 * writer at a time (its transactional id fences a second one), so concurrent callers take turns.
 */
public final class Register {

    private final RegisterPublisher publisher;

    public Register(LauncherConfig config) {
        publisher = new RegisterPublisher("localhost:" + config.kafkaPort(), Map.of());
    }

    /** Registers the employer and the agents of every form as the forms record them, in one transaction. */
    public synchronized void register(Collection<RequestForm> forms) {
        Instant now = Instant.now();
        List<EmployerRegistered> entries = new ArrayList<>();
        for (RequestForm form : forms) {
            RequestForm.Employer e = form.employer();
            entries.add(new EmployerRegistered(e.registrationNumber(), PartyKind.EMPLOYER, e.legalName(),
                    address(e.address()), e.language(), now));
            form.agents().forEach(a -> entries.add(new EmployerRegistered(a.registrationNumber(),
                    PartyKind.PROFESSIONAL_AGENT, a.name(), address(a.address()), "en", now)));
        }
        publisher.publish(entries);
    }

    public void register(RequestForm form) {
        register(List.of(form));
    }

    /** The register marks the employer or agent ceased. */
    public synchronized void cease(String registrationNumber) {
        publisher.publishCeased(List.of(new EmployerCeased(registrationNumber, Instant.now())));
    }

    private static PostalAddress address(RequestForm.Address a) {
        return new PostalAddress(a.street(), a.number(), a.postcode(), a.locality(), a.country());
    }
}
