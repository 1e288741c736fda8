package lu.ccss.guichet.client;

import java.security.SecureRandom;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a filer types into the certification request's wizard (procedure B, steps 3 to 6), and the bodies of those
 * steps as the front end sends them. Letters are asked in English so that {@link CodeLetters} can read them.
 * The legal names and addresses are what the employer register holds ({@link Register} registers them): the filer
 * types only registration numbers.
 */
public record RequestForm(Filer filer, Employer employer, List<Agent> agents, String securityCode) {

    public static final List<String> DOMAINS = List.of("AFFILIATIONS", "REMUNERATIONS", "EMPLOYER_DATA", "BILLING");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    public record Filer(String lastName, String firstName, String email, String phone) {
    }

    public record Address(String street, String number, String postcode, String locality, String country) {
    }

    public record Employer(String registrationNumber, String legalName, Address address, String language) {
    }

    public record Agent(String registrationNumber, String name, Address address, String email, List<String> domains) {
    }

    /**
     * A fresh 11-digit CCSS registration number (a legal person's: year of registration, then seven digits), never
     * the same twice in this JVM, so that concurrent flows never share an employer or an agent.
     */
    public static String newRegistrationNumber() {
        while (true) {
            int year = 1960 + RANDOM.nextInt(Year.now().getValue() - 1960);
            String number = year + String.format("%07d", RANDOM.nextInt(10_000_000));
            if (HANDED_OUT.add(number)) {
                return number;
            }
        }
    }

    /** An employer of its own, no agent, a security code of 10 characters. */
    public static RequestForm withoutAgents() {
        return new RequestForm(defaultFiler(), newEmployer(), List.of(), newSecurityCode());
    }

    public static Filer defaultFiler() {
        return new Filer("Schmit", "Emma", "employer@guichet.local", "+352 621 123 456");
    }

    public static Employer newEmployer() {
        String number = newRegistrationNumber();
        return new Employer(number, "Boulangerie Schmit " + number + " S.à r.l.",
                new Address("Avenue de la Liberté", "23", "L-1931", "Luxembourg", "LU"), "en");
    }

    /** 6 to 10 characters among letters, digits and {@code -_.!?@#$%&*+=}. */
    public static String newSecurityCode() {
        return "Sc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);
    }

    public Map<String, Object> filerStep() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("lastName", filer.lastName());
        step.put("firstName", filer.firstName());
        step.put("email", filer.email());
        step.put("phone", filer.phone());
        return step;
    }

    public Map<String, Object> employerStep() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("registrationNumber", employer.registrationNumber());
        step.put("language", employer.language());
        return step;
    }

    public Map<String, Object> agentsStep() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("oneAgentForAllDomains", false);
        step.put("agents", agents.stream().map(a -> {
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("registrationNumber", a.registrationNumber());
            agent.put("email", a.email());
            agent.put("domains", a.domains());
            return agent;
        }).toList());
        return step;
    }

    public Map<String, Object> securityCodeStep() {
        return Map.of("code", securityCode, "confirmation", securityCode);
    }
}
