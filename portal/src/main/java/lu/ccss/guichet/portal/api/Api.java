package lu.ccss.guichet.portal.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reads a service's answer: the JSON body as maps and lists for the templates, or the problem it states. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** The body of a 2xx answer as a Map, List or null; any other answer throws its {@link ApiProblem}. */
    public static Object body(Response response) {
        try (response) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() >= 400) {
                throw problem(response.getStatus(), text);
            }
            return text.isBlank() ? null : JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new ApiProblem(502, "unreadable answer of a service", List.of());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Response response) {
        Object body = body(response);
        return body instanceof Map ? (Map<String, Object>) body : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Response response) {
        Object body = body(response);
        if (body instanceof Map<?, ?> page && page.get("items") instanceof List<?> items) {
            return (List<Map<String, Object>>) items;
        }
        return body instanceof List ? (List<Map<String, Object>>) body : List.of();
    }

    /** The id at the end of a 201's {@code Location}. */
    public static String createdId(Response response) {
        try (response) {
            if (response.getStatus() >= 400) {
                throw problem(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
            }
            String location = response.getHeaderString("Location");
            return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** The raw bytes of a 2xx answer (a PDF), or its problem. */
    public static byte[] bytes(Response response) {
        try (response) {
            if (response.getStatus() >= 400) {
                throw problem(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
            }
            return response.readEntity(byte[].class);
        }
    }

    static ApiProblem problem(int status, String text) {
        try {
            Map<String, Object> p = JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            Object detail = p.getOrDefault("detail", p.get("title"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = p.get("errors") instanceof List<?> l ? (List<Map<String, Object>>) l
                    : List.of();
            return new ApiProblem(status, detail == null ? "HTTP " + status : detail.toString(), errors);
        } catch (IOException | RuntimeException e) {
            return new ApiProblem(status, "HTTP " + status, List.of());
        }
    }
}
