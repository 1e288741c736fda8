package lu.ccss.guichet.systemtest.fuzz;

import io.swagger.v3.oas.models.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * One operation of a service's OpenAPI document, with its schemas resolved against that document's components.
 *
 * @param service      the service's name, as the launcher knows it
 * @param baseUri      where the service answers
 * @param method       GET, POST, PUT, DELETE…
 * @param path         the path template, e.g. {@code /api/spaces/{spaceId}/invitations}
 * @param parameters   path and query parameters
 * @param body         the JSON request body's schema, or null when the operation takes none
 * @param bodyRequired whether the document says the body is required
 * @param roles        the roles the document's security requirement names
 */
public record ApiOperation(String service, URI baseUri, String method, String path, List<ApiParameter> parameters,
                           Schema<?> body, boolean bodyRequired, List<String> roles) {

    /** A path or query parameter. */
    public record ApiParameter(String name, String in, boolean required, Schema<?> schema) {

        public boolean inPath() {
            return "path".equals(in);
        }

        public boolean inQuery() {
            return "query".equals(in);
        }
    }

    public String name() {
        return method + " " + path;
    }

    public List<ApiParameter> pathParameters() {
        return parameters.stream().filter(ApiParameter::inPath).toList();
    }

    public List<ApiParameter> queryParameters() {
        return parameters.stream().filter(ApiParameter::inQuery).toList();
    }

    @Override
    public String toString() {
        return service + " " + name();
    }
}
