package lu.ccss.guichet.platform.inbound;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record published before an upgrade, of the version the upgrade replaced, is still accepted from its topic's owner
 * and handled by the handler of the current version; a version that is not read any more is refused.
 */
class EarlierVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final EventOrigins origins = new EventOrigins(Optional.empty());

    @Test
    void codesIssuedV1FromTheMandateServiceIsAcceptedAndGoesToTheCodesIssuedHandler() throws Exception {
        InboundEvent v1 = event("lu.ccss.mandate.codes-issued.v1", "/guichet/mandate-service", "{}");
        origins.check(Topics.MANDATE, v1);

        AtomicReference<CodesIssued> handled = new AtomicReference<>();
        EventHandlers handlers = EventHandlers.create().on(EventTypes.CODES_ISSUED, handled::set);
        EventHandlers.Handler<?> handler = handlers.forType(v1.type()).orElseThrow();
        assertEquals(EventTypes.CODES_ISSUED, handler.type());

        // a v1 record as the mandate-service published it before the upgrade: its letter carries an address
        String v1Payload = """
                {"requestId":"0fd630f1-f29d-4da9-953f-48f1a09f76b5","reference":"CERT-1","issuanceId":\
                "c6f87718-6d76-407e-881e-d162ae2eb154","employer":"20231234567","language":"fr","letters":[\
                {"codeLetterId":"92276658-1e27-41c0-8a6a-63ec24ede6a4","recipientKind":"EMPLOYER","recipientName":"X",\
                "address":{"street":"Elsewhere","number":"1","postcode":"L-1000","locality":"Lux","country":"LU"},\
                "agentRegistrationNumber":null,"sealedCodes":{"keyId":"k","encryptedKey":"AAAA","iv":"AAAA",\
                "ciphertext":"AAAA"}}],"issuedAt":"2025-03-12T10:04:33.087Z"}""";
        dispatch(handler, v1Payload);
        assertEquals(UUID.fromString("92276658-1e27-41c0-8a6a-63ec24ede6a4"),
                handled.get().letters().get(0).codeLetterId());
        assertTrue(!JSON.writeValueAsString(handled.get()).contains("Elsewhere"), "the v1 address is not kept");
    }

    @Test
    void requestTransmittedV2FromTheCertificationServiceIsAccepted() {
        InboundEvent v2 = event("lu.ccss.certification.request-transmitted.v2", "/guichet/certification-service", "{}");
        origins.check(Topics.CERTIFICATION, v2);
        EventHandlers handlers = EventHandlers.create().on(EventTypes.REQUEST_TRANSMITTED, e -> { });
        assertEquals(EventTypes.REQUEST_TRANSMITTED, handlers.forType(v2.type()).orElseThrow().type());
    }

    @Test
    void anEarlierVersionIsStillOnlyBelievedFromItsTopicsOwnerAndOnItsTopic() {
        assertThrows(InvalidEventException.class, () -> origins.check(Topics.MANDATE,
                event("lu.ccss.mandate.codes-issued.v1", "/guichet/mailing-service", "{}")));
        assertThrows(InvalidEventException.class, () -> origins.check(Topics.MAILING,
                event("lu.ccss.mandate.codes-issued.v1", "/guichet/mailing-service", "{}")));
    }

    @Test
    void aVersionThatIsNoLongerReadIsRefused() {
        InboundEvent v1 = event("lu.ccss.certification.request-transmitted.v1", "/guichet/certification-service", "{}");
        assertThrows(InvalidEventException.class, () -> origins.check(Topics.CERTIFICATION, v1));
        assertTrue(EventHandlers.create().on(EventTypes.REQUEST_TRANSMITTED, e -> { }).forType(v1.type()).isEmpty());
    }

    private static InboundEvent event(String type, String source, String data) {
        return new InboundEvent(UUID.randomUUID().toString(), type, source, "subject", data);
    }

    private static <T> void dispatch(EventHandlers.Handler<T> handler, String data) throws Exception {
        handler.action().accept(JSON.readValue(data.getBytes(StandardCharsets.UTF_8), handler.type().payloadClass()));
    }
}
