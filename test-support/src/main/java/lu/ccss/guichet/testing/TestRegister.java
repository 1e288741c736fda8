package lu.ccss.guichet.testing;

import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.EmployerCeased;
import lu.ccss.guichet.events.RegisterEvents.EmployerRegistered;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;

import java.time.Instant;

/**
 * The CCSS employer register as tests feed it: publishes register events through the real broker, as the register
 * (or register-import) does. The {@code await} variants also wait until the service under test has the entry in its
 * register projection (only for a service that switches {@code guichet.projections.register} on).
 */
public final class TestRegister {

    /** Where registered employers of the tests are. */
    public static final PostalAddress EMPLOYER_ADDRESS = new PostalAddress("Rue du Registre", "1", "L-1471",
            "Luxembourg", "LU");
    /** Where registered agents of the tests are. */
    public static final PostalAddress AGENT_ADDRESS = new PostalAddress("Rue de l'Alzette", "45", "L-4011",
            "Esch-sur-Alzette", "LU");

    private TestRegister() {
    }

    /** Registers a new active employer, named after its number, at {@link #EMPLOYER_ADDRESS}; returns its number. */
    public static String newEmployer() {
        String number = TestData.newRegistrationNumber();
        register(number, PartyKind.EMPLOYER, "Employer " + number, EMPLOYER_ADDRESS, "fr");
        return number;
    }

    /** Registers a new active professional agent at {@link #AGENT_ADDRESS}; returns its number. */
    public static String newAgent() {
        String number = TestData.newRegistrationNumber();
        register(number, PartyKind.PROFESSIONAL_AGENT, "Fiduciaire " + number, AGENT_ADDRESS, "fr");
        return number;
    }

    /** {@link #newEmployer()}, then waits until the service under test knows it. */
    public static String awaitNewEmployer() {
        String number = newEmployer();
        awaitKnown(number, "ACTIVE");
        return number;
    }

    /** {@link #newAgent()}, then waits until the service under test knows it. */
    public static String awaitNewAgent() {
        String number = newAgent();
        awaitKnown(number, "ACTIVE");
        return number;
    }

    public static void register(String number, PartyKind kind, String legalName, PostalAddress address,
                                String language) {
        TopicWriter.publish(EventTypes.EMPLOYER_REGISTERED, number,
                new EmployerRegistered(number, kind, legalName, address, language, Instant.now()));
    }

    public static void cease(String number) {
        TopicWriter.publish(EventTypes.EMPLOYER_CEASED, number, new EmployerCeased(number, Instant.now()));
    }

    /** Waits until the service under test's register projection holds {@code number} with {@code status}. */
    public static void awaitKnown(String number, String status) {
        TestDatabase.awaitCount("select count(*) from register_entry where registration_number = '" + number
                + "' and status = '" + status + "'", 1);
    }
}
