package lu.ccss.guichet.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.File;
import java.io.InputStream;
import java.net.URI;

/** The first answer to a request with an idempotency key, as a retry gets it again: status, Location, JSON body. */
record StoredAnswer(int status, String location, String mediaType, String body) {

    /**
     * What the resource method answered: a {@link Response}, an entity (200) or nothing (204). Its entity is written
     * with the service's own JSON mapper, as the answer itself is.
     */
    static StoredAnswer of(Object result, ObjectMapper json) {
        if (result instanceof Response response) {
            URI location = response.getLocation();
            MediaType type = response.getMediaType();
            return withEntity(response.getStatus(), location == null ? null : location.toString(),
                    type == null ? null : type.toString(), response.getEntity(), json);
        }
        return result == null ? new StoredAnswer(204, null, null, null) : withEntity(200, null, null, result, json);
    }

    private static StoredAnswer withEntity(int status, String location, String mediaType, Object entity,
                                           ObjectMapper json) {
        if (entity == null) {
            return new StoredAnswer(status, location, null, null);
        }
        if (entity instanceof StreamingOutput || entity instanceof InputStream || entity instanceof byte[]
                || entity instanceof File) {
            throw new IllegalStateException("An @Idempotent method answers JSON, not " + entity.getClass());
        }
        try {
            String body = entity instanceof String text ? text : json.writeValueAsString(entity);
            return new StoredAnswer(status, location, mediaType == null ? MediaType.APPLICATION_JSON : mediaType, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer cannot be written as JSON: " + entity.getClass(), e);
        }
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The answer again, marked {@code Idempotent-Replayed: true}. */
    Response replay() {
        Response.ResponseBuilder response = Response.status(status).header(Idempotent.REPLAYED_HEADER, "true");
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (body != null) {
            response.entity(body).type(mediaType);
        }
        return response.build();
    }
}
