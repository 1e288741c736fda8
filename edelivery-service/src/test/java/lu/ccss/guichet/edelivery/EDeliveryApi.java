package lu.ccss.guichet.edelivery;

import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.KafkaTestResource;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;

/** Other services' events injected through the broker, and direct looks at the database. */
final class EDeliveryApi {

    static final String DEAD_LETTER = "guichet.edelivery.dead-letter";

    private EDeliveryApi() {
    }


    static String newEmployer() {
        return TestData.newRegistrationNumber();
    }

    /** The space-service says {@code user} joined {@code space}; waits until this service knows it. */
    static void memberAdded(UUID space, String user) throws Exception {
        TopicWriter.publish(Topics.SPACE, space.toString(), UUID.randomUUID().toString(), EventTypes.MEMBER_ADDED.type(),
                "{\"spaceId\":\"" + space + "\",\"userId\":\"" + user + "\",\"role\":\"MEMBER\",\"displayName\":null,"
                        + "\"addedAt\":\"" + Instant.now() + "\"}");
        awaitCount("select count(*) from space_member where space_id = '" + space + "' and user_id = '" + user + "'",
                1);
    }

    /** The space-service says the space used the domain first; returns the event id. */
    static String domainFirstUsed(UUID space, String employer, String domain) {
        String eventId = UUID.randomUUID().toString();
        domainFirstUsed(eventId, space, employer, domain);
        return eventId;
    }

    static void domainFirstUsed(String eventId, UUID space, String employer, String domain) {
        TopicWriter.publish(EventTypes.DOMAIN_FIRST_USED, space.toString(), eventId, new SpaceEvents.DomainFirstUsed(space,
                employer, Domain.valueOf(domain), "CONSULTATION", Instant.now()));
    }

    static void activate(UUID space, String employer, String domain) throws Exception {
        domainFirstUsed(space, employer, domain);
        awaitCount("select count(*) from edelivery_activation where space_id = '" + space + "' and employer = '"
                + employer + "' and domain = '" + domain + "'", 1);
    }

    static void certificationGranted(UUID space, String employer, String domain) throws Exception {
        certificationGranted(space, employer, domain, Capacity.HOLDER);
    }

    /** The mandate-service granted a mandate; waits until the projection has it; returns the mandate id. */
    static UUID certificationGranted(UUID space, String employer, String domain, Capacity capacity) {
        UUID id = UUID.randomUUID();
        TopicWriter.publish(EventTypes.CERTIFICATION_GRANTED, employer, new MandateEvents.CertificationGranted(id, space,
                employer, Domain.valueOf(domain), capacity, UUID.randomUUID(), Instant.now()));
        awaitCount("select count(*) from mandate where mandate_id = '" + id + "'", 1);
        return id;
    }

    /** The mandate-service revoked a mandate (under a new event id); waits until this service processed the event. */
    static String mandateRevoked(UUID mandate, UUID space, String employer, String domain, Capacity capacity,
                                 MandateEvents.RevocationReason reason) {
        String eventId = TopicWriter.publish(EventTypes.MANDATE_REVOKED, employer, new MandateEvents.MandateRevoked(
                mandate, space, employer, Domain.valueOf(domain), capacity, reason, null, Instant.now()));
        awaitCount("select count(*) from processed_event where event_id = '" + eventId + "'", 1);
        return eventId;
    }

    /** A small but real-looking PDF, distinct per call, padded to at least {@code minSize} bytes. */
    static byte[] pdf(String text, int minSize) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n% ").append(text).append('\n');
        while (pdf.length() < minSize) {
            pdf.append("% padding ").append(UUID.randomUUID()).append('\n');
        }
        return pdf.append("%%EOF\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Waits until the inbox holds the document. */
    static void awaitStored(UUID document) {
        awaitCount("select count(*) from inbox_document where id = '" + document + "'", 1);
    }

    /** The mailing-service routes a document to the space's inbox (on the private topic, as DocumentForInbox). */
    static void documentRouted(String eventId, UUID document, UUID space, String employer, String domain, String title,
                               String contentType, byte[] content, String sha256, Instant routedAt) {
        String json = "{\"documentId\":\"" + document + "\",\"spaceId\":\"" + space + "\",\"employer\":\"" + employer
                        + "\",\"domain\":\"" + domain + "\",\"title\":\"" + title + "\",\"contentType\":\""
                        + contentType + "\",\"size\":" + content.length + ",\"sha256\":\"" + sha256
                        + "\",\"content\":\"" + Base64.getEncoder().encodeToString(content) + "\",\"routedAt\":\""
                        + routedAt + "\"}";
        if (json.length() < 1_000_000) {
            TopicWriter.publish(Topics.MAILING_INBOX, document.toString(), eventId,
                    EventTypes.DOCUMENT_FOR_INBOX.type(), json);
        } else {
            publishLarge(Topics.MAILING_INBOX, document.toString(), eventId, EventTypes.DOCUMENT_FOR_INBOX.type(),
                    json);
        }
    }

    /** As {@link TopicWriter#publish}, for records above the producer's default 1 MB request size. */
    static void publishLarge(String topic, String key, String eventId, String type, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(EmbeddedKafkaBroker.MAX_MESSAGE_BYTES));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            for (String[] header : new String[][]{{"ce_specversion", "1.0"}, {"ce_id", eventId}, {"ce_type", type},
                    {"ce_source", TopicWriter.sourceOf(topic)}, {"ce_subject", key}, {"ce_time", Instant.now().toString()},
                    {"content-type", "application/json"}}) {
                record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    static void documentRouted(UUID document, UUID space, String employer, String domain, String title, byte[] content,
                               Instant routedAt) throws Exception {
        documentRouted(UUID.randomUUID().toString(), document, space, employer, domain, title, "application/pdf",
                content, sha256(content), routedAt);
    }



}
