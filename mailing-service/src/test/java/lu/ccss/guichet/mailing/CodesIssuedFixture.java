package lu.ccss.guichet.mailing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.events.MandateEvents.SealedCodes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestRegister;
import lu.ccss.guichet.testing.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds CodesIssued as the mandate-service would (codes sealed with the test public key) and publishes it through
 * the real broker. Keeps the plaintext codes so tests can look for them.
 */
public final class CodesIssuedFixture {

    public static final String KEY_ID = "test-key";
    public static final PublicKey PUBLIC_KEY = KeyMaterial.publicKey("src/test/resources/keys/codes-test-public.pem");
    public static final PublicKey OTHER_PUBLIC_KEY = KeyMaterial.publicKey("src/test/resources/keys/other-public.pem");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Agent(String name, String registrationNumber, PostalAddress address, Set<Domain> domains,
                        String securityCode, List<LetterCode> accessCodes, UUID codeLetterId) {
    }

    public final UUID requestId;
    public final String reference;
    public final String employer;
    public final String employerName;
    public final PostalAddress employerAddress;
    public final String language;
    public final UUID employerLetterId = UUID.randomUUID();
    public final List<LetterCode> holderCodes = new ArrayList<>();
    public final List<Agent> agents = new ArrayList<>();
    public UUID issuanceId = UUID.randomUUID();
    /**
     * Whether {@link #event} first registers the employer and its agents in the employer register (with the names,
     * addresses and language of this request) and waits until the mailing-service knows them: letters go to the
     * register's addresses now. A test that wants the register to say something else registers them itself and
     * clears this.
     */
    public boolean registerParties = true;
    private final Set<String> registered = new java.util.HashSet<>();

    private CodesIssuedFixture(UUID requestId, String language, String employerName, PostalAddress employerAddress) {
        this.requestId = requestId;
        this.reference = "CERT-2025-" + (100000 + RANDOM.nextInt(900000));
        this.employer = TestData.newRegistrationNumber();
        this.employerName = employerName;
        this.employerAddress = employerAddress;
        this.language = language;
    }

    /** An employer in Luxembourg asking for all four domains, without agents yet. */
    public static CodesIssuedFixture request(String language) {
        CodesIssuedFixture fixture = new CodesIssuedFixture(UUID.randomUUID(), language,
                "Boulangerie-Pâtisserie Schmit S.à r.l.",
                new PostalAddress("Avenue de la Liberté", "23", "L-1931", "Luxembourg", "LU"));
        for (Domain domain : Domain.values()) {
            fixture.holderCodes.add(new LetterCode(CodeKind.HOLDER_ACCESS, domain, code(), null, null));
            fixture.holderCodes.add(new LetterCode(CodeKind.HOLDER_REVOCATION, domain, code(), null, null));
        }
        return fixture;
    }

    public CodesIssuedFixture withAgent(String name, PostalAddress address, Domain... domains) {
        String registration = TestData.newRegistrationNumber();
        List<LetterCode> access = new ArrayList<>();
        for (Domain domain : domains) {
            access.add(new LetterCode(CodeKind.AGENT_ACCESS, domain, code(), name, registration));
        }
        agents.add(new Agent(name, registration, address, EnumSet.copyOf(List.of(domains)), securityCode(), access,
                UUID.randomUUID()));
        return this;
    }

    /** A fresh access code, as the mandate-service prints it: ABCD-EFGH-JK2M, its last symbol the check character. */
    public static String code() {
        return CodeAlphabet.print(CodeFormat.ACCESS.generate());
    }

    /** A fresh agent security code, as the mandate-service prints it: ABCD-EF2M. */
    public static String securityCode() {
        return CodeAlphabet.print(CodeFormat.AGENT_SECURITY.generate());
    }

    public List<LetterCode> employerLetterCodes() {
        List<LetterCode> codes = new ArrayList<>(holderCodes);
        for (Agent agent : agents) {
            codes.add(new LetterCode(CodeKind.AGENT_SECURITY, null, agent.securityCode(), agent.name(),
                    agent.registrationNumber()));
        }
        return codes;
    }

    /** Every plaintext code of this request. */
    public List<String> allCodes() {
        List<String> all = new ArrayList<>();
        holderCodes.forEach(c -> all.add(c.code()));
        agents.forEach(a -> {
            all.add(a.securityCode());
            a.accessCodes().forEach(c -> all.add(c.code()));
        });
        return all;
    }

    public CodesIssued event() {
        return event(PUBLIC_KEY, KEY_ID);
    }

    public CodesIssued event(PublicKey key, String keyId) {
        registerParties();
        List<CodeLetter> letters = new ArrayList<>();
        letters.add(new CodeLetter(employerLetterId, RecipientKind.EMPLOYER, employerName, null,
                seal(new LetterCodes(employerLetterId, employerLetterCodes()), key, keyId)));
        for (Agent agent : agents) {
            letters.add(new CodeLetter(agent.codeLetterId(), RecipientKind.AGENT, agent.name(),
                    agent.registrationNumber(), seal(new LetterCodes(agent.codeLetterId(), agent.accessCodes()), key,
                    keyId)));
        }
        return new CodesIssued(requestId, reference, issuanceId, employer, language, letters, Instant.now());
    }

    /** Registers the employer and each agent once (see {@link #registerParties}). */
    public void registerParties() {
        if (!registerParties) {
            return;
        }
        if (registered.add(employer)) {
            TestRegister.register(employer, PartyKind.EMPLOYER, employerName, employerAddress, language);
            TestRegister.awaitKnown(employer, "ACTIVE");
        }
        for (Agent agent : agents) {
            if (registered.add(agent.registrationNumber())) {
                TestRegister.register(agent.registrationNumber(), PartyKind.PROFESSIONAL_AGENT, agent.name(),
                        agent.address(), language);
                TestRegister.awaitKnown(agent.registrationNumber(), "ACTIVE");
            }
        }
    }

    public static SealedCodes seal(LetterCodes codes, PublicKey key, String keyId) {
        return SealedBox.seal(json(codes).getBytes(StandardCharsets.UTF_8), key, keyId);
    }

    /** Publishes the event on the mandate topic, as the mandate-service would; returns the CloudEvent id. */
    public String publish() {
        return publish(event());
    }

    public String publish(CodesIssued event) {
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId);
        return eventId;
    }

    public static void publish(CodesIssued event, String eventId) {
        TopicWriter.publish(Topics.MANDATE, event.requestId().toString(), eventId, EventTypes.CODES_ISSUED.type(),
                json(event));
    }

    /**
     * Publishes this request as the mandate-service did before the upgrade, as a {@code …codes-issued.v1} whose
     * letters carry the addresses of this fixture (the employer's, each agent's); returns the CloudEvent id.
     */
    public String publishV1() {
        String eventId = UUID.randomUUID().toString();
        publishV1(eventId);
        return eventId;
    }

    /** {@link #publishV1()} with this CloudEvent id (a replay of the same record). */
    public void publishV1(String eventId) {
        ObjectNode v1 = JSON.valueToTree(event());
        for (JsonNode letter : v1.get("letters")) {
            String agent = letter.path("agentRegistrationNumber").asText(null);
            PostalAddress address = agent == null ? employerAddress : agents.stream()
                    .filter(a -> a.registrationNumber().equals(agent)).findFirst().orElseThrow().address();
            ((ObjectNode) letter).set("address", JSON.valueToTree(address));
        }
        TopicWriter.publish(Topics.MANDATE, requestId.toString(), eventId, "lu.ccss.mandate.codes-issued.v1",
                json(v1));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
