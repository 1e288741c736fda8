package lu.ccss.guichet.platform.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** A CloudEvent as received from Kafka (binary mode): its {@code ce_*} headers and its JSON data. */
public record InboundEvent(String id, String type, String source, String subject, String data) {

    public static InboundEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new InvalidEventException("Not a CloudEvent: the ce_id and ce_type headers are required (topic "
                    + record.topic() + ", partition " + record.partition() + ", offset " + record.offset() + ")");
        }
        if (record.value() == null) {
            throw new InvalidEventException("CloudEvent " + id + " of type " + type + " has no data");
        }
        return new InboundEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
