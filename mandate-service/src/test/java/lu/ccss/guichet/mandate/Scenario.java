package lu.ccss.guichet.mandate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MailingEvents;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;

/**
 * Drives the mandate-service from the outside, as the other services and the people would: space and request events
 * through the broker, letters opened with the mailing-service's (test) private key, REST calls with real tokens.
 */
final class Scenario {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final String HOLDER_SECURITY_CODE = "Mos3lle!";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final PrivateKey MAILING_KEY = KeyMaterial.privateKey("src/test/resources/keys/codes-test-private.pem");
    /** The mandate-service's (test) public key for the holder's security code, as the certification-service has it. */
    private static final PublicKey SECURITY_CODE_KEY =
            KeyMaterial.publicKey("src/test/resources/keys/security-code-test-public.pem");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static String holderSecurityHash;

    private Scenario() {
    }

    /** A space the user administers, known to the mandate-service through the space-service's event. */
    static UUID spaceOf(String administrator) {
        UUID spaceId = UUID.randomUUID();
        join(spaceId, administrator, MemberRole.ADMINISTRATOR);
        return spaceId;
    }

    static void join(UUID spaceId, String user, MemberRole role) {
        publish(EventTypes.MEMBER_ADDED, Topics.SPACE, spaceId.toString(),
                new SpaceEvents.MemberAdded(spaceId, user, role, user, Instant.now()));
        awaitCount("select count(*) from space_member where space_id = '" + spaceId + "' and user_id = '" + user
                + "'", 1);
    }

    static CertificationEvents.Agent agent(String name, Domain... domains) {
        return agent(name, null, domains);
    }

    /** An agent whose mandates end on {@code mandateEndsOn} (null: no end). */
    static CertificationEvents.Agent agent(String name, LocalDate mandateEndsOn, Domain... domains) {
        return new CertificationEvents.Agent(TestData.newRegistrationNumber(), name, EnumSet.copyOf(List.of(domains)),
                mandateEndsOn);
    }

    /** An agent's space certified for the domain with its access code and the agent security code. */
    static String certifiedAgentMandate(String accountant, UUID agentSpace, Issued issued,
                                        CertificationEvents.Agent agent, Domain domain) {
        return certify(accountant, agentSpace, domain, Capacity.AGENT,
                issued.code(CodeKind.AGENT_ACCESS, domain, agent.registrationNumber()),
                issued.code(CodeKind.AGENT_SECURITY, null)).then().statusCode(201).extract().path("id");
    }

    /** Publishes a transmitted request (as the certification-service does) and returns its id. */
    static UUID transmit(String employer, List<CertificationEvents.Agent> agents) {
        UUID requestId = UUID.randomUUID();
        transmit(requestId, UUID.randomUUID().toString(), employer, agents);
        return requestId;
    }

    static void transmit(UUID requestId, String eventId, String employer, List<CertificationEvents.Agent> agents) {
        transmit(requestId, eventId, employer, agents, sealHolderHash(holderSecurityHash(), requestId));
    }

    /** Publishes a transmitted request whose holder's hash is {@code sealed} as it is (forged ones too). */
    static void transmit(UUID requestId, String eventId, String employer, List<CertificationEvents.Agent> agents,
                         CertificationEvents.SealedSecurityCodeHash sealed) {
        TopicWriter.publish(Topics.CERTIFICATION, requestId.toString(), eventId,
                EventTypes.REQUEST_TRANSMITTED.type(), json(requestTransmitted(requestId, employer, agents, sealed)));
    }

    private static CertificationEvents.RequestTransmitted requestTransmitted(
            UUID requestId, String employer, List<CertificationEvents.Agent> agents,
            CertificationEvents.SealedSecurityCodeHash sealed) {
        return new CertificationEvents.RequestTransmitted(requestId, "CERT-TEST-" + requestId.toString()
                .substring(0, 6), UUID.randomUUID(),
                new CertificationEvents.Employer(employer, "Boulangerie Schmit S.à r.l.", "fr"),
                new CertificationEvents.Filer("Schmit", "Claire"), agents, sealed, Instant.now());
    }

    /**
     * Publishes a transmitted request as the certification-service did before v3 (type
     * {@code …request-transmitted.v2}): the employer and each agent with {@code address}, each agent with an e-mail,
     * the filer with an e-mail and a phone. Returns the request id.
     */
    static UUID transmitV2(String employer, List<CertificationEvents.Agent> agents, PostalAddress address) {
        UUID requestId = UUID.randomUUID();
        ObjectNode v2 = JSON.valueToTree(requestTransmitted(requestId, employer, agents,
                sealHolderHash(holderSecurityHash(), requestId)));
        JsonNode where = JSON.valueToTree(address);
        ((ObjectNode) v2.get("employer")).set("address", where);
        ((ObjectNode) v2.get("filer")).put("email", "claire@example.lu").put("phone", "+352 621 123 456");
        v2.get("agents").forEach(a -> ((ObjectNode) a).put("email", "mandats@example.lu").set("address", where));
        TopicWriter.publish(Topics.CERTIFICATION, requestId.toString(), UUID.randomUUID().toString(),
                "lu.ccss.certification.request-transmitted.v2", json(v2));
        return requestId;
    }

    /** Seals a hash for the mandate-service's test key, as the certification-service does. */
    static CertificationEvents.SealedSecurityCodeHash sealHolderHash(String argon2idHash, UUID requestId) {
        return SecurityCodeHashSeal.seal(argon2idHash, requestId, SECURITY_CODE_KEY, "test");
    }

    static synchronized String holderSecurityHash() {
        if (holderSecurityHash == null) {
            holderSecurityHash = Argon2idHasher.withDefaults().hash(HOLDER_SECURITY_CODE);
        }
        return holderSecurityHash;
    }

    /** The CodesIssued events of a request so far, oldest first; waits for at least {@code atLeast}. */
    static List<CodesIssued> awaitCodesIssued(UUID requestId, int atLeast) {
        return TopicReader.await(Topics.MANDATE, isType(requestId.toString(), EventTypes.CODES_ISSUED), atLeast, WAIT)
                .stream().map(r -> read(r.value(), CodesIssued.class)).toList();
    }

    static Predicate<ConsumerRecord<String, String>> isType(String key, EventType<?> type) {
        return r -> key.equals(r.key()) && type.type().equals(TopicReader.header(r, "ce_type"));
    }

    /** Opens a letter's codes as the mailing-service does. */
    static LetterCodes open(CodeLetter letter) {
        return read(new String(SealedBox.open(letter.sealedCodes(), MAILING_KEY),
                java.nio.charset.StandardCharsets.UTF_8), LetterCodes.class);
    }

    /** A request's issued codes, opened. */
    record Issued(CodesIssued event, Map<UUID, LetterCodes> opened) {

        static Issued of(CodesIssued event) {
            Map<UUID, LetterCodes> opened = new java.util.LinkedHashMap<>();
            event.letters().forEach(l -> opened.put(l.codeLetterId(), open(l)));
            return new Issued(event, opened);
        }

        CodeLetter employerLetter() {
            return event.letters().stream().filter(l -> l.recipientKind() == RecipientKind.EMPLOYER).findFirst()
                    .orElseThrow();
        }

        CodeLetter agentLetter(String agentRegistrationNumber) {
            return event.letters().stream().filter(l -> agentRegistrationNumber.equals(l.agentRegistrationNumber()))
                    .findFirst().orElseThrow();
        }

        String code(CodeKind kind, Domain domain) {
            return code(kind, domain, null);
        }

        String code(CodeKind kind, Domain domain, String agentRegistrationNumber) {
            return opened.values().stream().flatMap(l -> l.codes().stream())
                    .filter(c -> c.kind() == kind && c.domain() == domain
                            && (agentRegistrationNumber == null
                            || agentRegistrationNumber.equals(c.agentRegistrationNumber())))
                    .map(LetterCode::code).findFirst().orElseThrow();
        }

        List<String> allCodes() {
            return opened.values().stream().flatMap(l -> l.codes().stream()).map(LetterCode::code).toList();
        }

        Set<UUID> letterIds() {
            return opened.keySet();
        }
    }

    /** Transmits a request, waits for its codes and opens them. */
    static Issued issue(String employer, CertificationEvents.Agent... agents) {
        UUID requestId = transmit(employer, List.of(agents));
        return Issued.of(awaitCodesIssued(requestId, 1).get(0));
    }

    /** Issues codes and posts every letter now. */
    static Issued issueAndPost(String employer, CertificationEvents.Agent... agents) {
        Issued issued = issue(employer, agents);
        postAll(issued, Instant.now());
        return issued;
    }

    static void postAll(Issued issued, Instant postedAt) {
        issued.letterIds().forEach(id -> post(id, issued.event().requestId(), postedAt));
        issued.letterIds().forEach(Scenario::awaitPosted);
    }

    static void post(UUID codeLetterId, UUID requestId, Instant postedAt) {
        UUID letterId = UUID.randomUUID();
        publish(EventTypes.LETTER_POSTED, Topics.MAILING, letterId.toString(), new MailingEvents.LetterPosted(
                letterId, MailingEvents.LetterKind.CODES_EMPLOYER, requestId, codeLetterId, postedAt));
    }

    static void awaitPosted(UUID codeLetterId) {
        awaitCount("select count(*) from code_letter where id = '" + codeLetterId + "' and posted_at is not null", 1);
    }

    static void returned(UUID codeLetterId, UUID requestId) {
        UUID letterId = UUID.randomUUID();
        publish(EventTypes.LETTER_RETURNED, Topics.MAILING, letterId.toString(), new MailingEvents.LetterReturned(
                letterId, MailingEvents.LetterKind.CODES_EMPLOYER, requestId, codeLetterId, "Inconnu à l'adresse",
                Instant.now()));
        awaitCount("select count(*) from code_letter where id = '" + codeLetterId + "' and returned_at is not null",
                1);
    }

    static Response certify(String user, UUID spaceId, Domain domain, Capacity capacity, String accessCode,
                            String securityCode) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("domain", domain);
        body.put("capacity", capacity);
        body.put("accessCode", accessCode);
        body.put("securityCode", securityCode);
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/spaces/" + spaceId + "/certifications");
    }

    /** A holder administers a fresh space certified as holder for the domain with the request's codes. */
    static UUID certifiedHolderSpace(String holder, Issued issued, Domain domain) {
        UUID space = spaceOf(holder);
        certify(holder, space, domain, Capacity.HOLDER, issued.code(CodeKind.HOLDER_ACCESS, domain),
                HOLDER_SECURITY_CODE).then().statusCode(201);
        return space;
    }

    /** A code with its check character intact but that was never issued. */
    static String unknownAccessCode() {
        return lu.ccss.guichet.events.CodeAlphabet.print(
                lu.ccss.guichet.events.CodeFormat.ACCESS.generate());
    }

    static <T> void publish(EventType<T> type, String topic, String key, T payload) {
        TopicWriter.publish(topic, key, UUID.randomUUID().toString(), type.type(), json(payload));
    }

    static List<ConsumerRecord<String, String>> events(String key, EventType<?> type, int atLeast) {
        return TopicReader.await(Topics.MANDATE, isType(key, type), atLeast, WAIT);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization answer a domain system gets for the space, employer and domain. */
    static ValidatableResponse authorization(UUID space, String employer, Domain domain) {
        return given().auth().oauth2(Tokens.domainSystem())
                .queryParam("spaceId", space).queryParam("employer", employer).queryParam("domain", domain)
                .when().get("/api/authorizations").then().statusCode(200);
    }

    /** The one MandateRevoked of the mandate; waits for it. */
    static MandateEvents.MandateRevoked revokedEvent(String employer, String mandateId) {
        List<MandateEvents.MandateRevoked> events = TopicReader.await(Topics.MANDATE,
                        r -> isType(employer, EventTypes.MANDATE_REVOKED).test(r) && r.value().contains(mandateId), 1,
                        WAIT).stream()
                .map(r -> read(r.value(), MandateEvents.MandateRevoked.class)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, events.size(), "one MandateRevoked for " + mandateId);
        return events.get(0);
    }
}
