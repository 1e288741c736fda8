package lu.ccss.guichet.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who sends and who reads what, beside {@link EventTypes} and {@link Topics}: the record key of each event type, the
 * platform services that consume it, the partitions of the topics and the dead-letter topic of each service. The
 * AsyncAPI document and the per-service documents are generated from these facts (with the schemas), so this class is
 * the one place to change when a service starts or stops consuming a type.
 */
public final class Subscriptions {

    /** The platform's five services, as named in their {@code ce_source} ({@code /guichet/<service>}). */
    public static final List<String> SERVICES = List.of(
            "space-service", "certification-service", "mandate-service", "mailing-service", "edelivery-service");

    /** Partitions of every event topic (records of one key stay in one partition, hence in order). */
    public static final int EVENT_TOPIC_PARTITIONS = 3;

    /** Partitions of every dead-letter topic. */
    public static final int DEAD_LETTER_TOPIC_PARTITIONS = 1;

    private static final String SPACE = "space-service";
    private static final String CERTIFICATION = "certification-service";
    private static final String MANDATE = "mandate-service";
    private static final String MAILING = "mailing-service";
    private static final String EDELIVERY = "edelivery-service";

    /** Event type -> the payload field whose value is the record key (and {@code ce_subject}). */
    private static final Map<EventType<?>, String> KEYS = new LinkedHashMap<>();

    /** Event type -> the platform services that consume it (outside subscribers are not listed). */
    private static final Map<EventType<?>, Set<String>> CONSUMERS = new LinkedHashMap<>();

    static {
        type(EventTypes.SPACE_CREATED, "spaceId");
        type(EventTypes.MEMBER_ADDED, "spaceId", CERTIFICATION, MANDATE, MAILING, EDELIVERY);
        type(EventTypes.MEMBER_ROLE_CHANGED, "spaceId", CERTIFICATION, MANDATE, MAILING, EDELIVERY);
        type(EventTypes.MEMBER_REMOVED, "spaceId", CERTIFICATION, MANDATE, MAILING, EDELIVERY);
        type(EventTypes.DOMAIN_FIRST_USED, "spaceId", MAILING, EDELIVERY);
        type(EventTypes.REQUEST_TRANSMITTED, "requestId", MANDATE);
        type(EventTypes.CODES_ISSUED, "requestId", CERTIFICATION, MAILING);
        type(EventTypes.CODE_LOCKED, "requestId");
        type(EventTypes.CERTIFICATION_GRANTED, "employer", SPACE, CERTIFICATION, EDELIVERY);
        type(EventTypes.MANDATE_REVOKED, "employer", SPACE, CERTIFICATION, MAILING, EDELIVERY);
        type(EventTypes.LETTER_POSTED, "letterId", CERTIFICATION, MANDATE);
        type(EventTypes.LETTER_RETURNED, "letterId", MANDATE);
        type(EventTypes.DOCUMENT_ROUTED, "documentId");
        type(EventTypes.DOCUMENT_FOR_INBOX, "documentId", EDELIVERY);
        type(EventTypes.EDELIVERY_ACTIVATED, "spaceId", MAILING);
        type(EventTypes.EDELIVERY_STOPPED, "spaceId", MAILING);
        type(EventTypes.DOCUMENT_READ, "documentId");
        type(EventTypes.EMPLOYER_REGISTERED, "registrationNumber", CERTIFICATION, MANDATE, MAILING);
        type(EventTypes.EMPLOYER_UPDATED, "registrationNumber", CERTIFICATION, MANDATE, MAILING);
        type(EventTypes.EMPLOYER_CEASED, "registrationNumber", CERTIFICATION, MANDATE, MAILING);
    }

    /** Private topic -> the only services that may read it (enforced by Kafka ACLs in production). */
    private static final Map<String, Set<String>> PRIVATE_READERS = Map.of(Topics.MAILING_INBOX, Set.of(EDELIVERY));

    private static void type(EventType<?> type, String keyField, String... consumers) {
        KEYS.put(type, keyField);
        CONSUMERS.put(type, Set.copyOf(new TreeSet<>(List.of(consumers))));
    }

    private Subscriptions() {
    }

    /** The payload field whose value is the record key and the {@code ce_subject} of {@code type}'s records. */
    public static String keyField(EventType<?> type) {
        String key = KEYS.get(type);
        if (key == null) {
            throw new IllegalArgumentException("not in the catalogue: " + type.type());
        }
        return key;
    }

    /** The platform services that consume {@code type}, in alphabetical order; empty if only outsiders may. */
    public static Set<String> consumers(EventType<?> type) {
        Set<String> consumers = CONSUMERS.get(type);
        if (consumers == null) {
            throw new IllegalArgumentException("not in the catalogue: " + type.type());
        }
        return new TreeSet<>(consumers);
    }

    /**
     * The only services allowed to read {@code topic}, if it is private (it carries what only they need: a
     * document's content); empty for a public topic, which any authorised subscriber may read.
     */
    public static java.util.Optional<Set<String>> privateReaders(String topic) {
        return java.util.Optional.ofNullable(PRIVATE_READERS.get(topic)).map(TreeSet::new);
    }

    /**
     * The service that publishes on {@code topic} ({@code space-service}, …), or the register's {@code ce_source} for
     * the employer register, an outside system.
     */
    public static String publisher(String topic) {
        String source = Topics.ownerSource(topic).orElseThrow(() -> new IllegalArgumentException("unknown " + topic));
        return source.startsWith("/guichet/") ? source.substring("/guichet/".length()) : source;
    }

    /** The dead-letter topic of a platform service: {@code guichet.<service without -service>.dead-letter}. */
    public static String deadLetterTopic(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("not a platform service: " + service);
        }
        return "guichet." + service.substring(0, service.length() - "-service".length()) + ".dead-letter";
    }
}
