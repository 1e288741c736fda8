package lu.ccss.guichet.systemtest.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of the services' OpenAPI documents, as each running service serves them. */
public final class OpenApiDocuments {

    private final Map<String, Schemas> schemasByService = new LinkedHashMap<>();
    private final List<ApiOperation> operations = new ArrayList<>();

    /** Reads {@code <service>/q/openapi?format=json} of every service in {@code services} (name to base URL). */
    public static OpenApiDocuments read(Http http, Map<String, URI> services) {
        OpenApiDocuments docs = new OpenApiDocuments();
        services.forEach((service, base) -> {
            Response answer = http.send("GET /q/openapi", Http.get(URI.create(base + "/q/openapi?format=json")), null)
                    .expect(200);
            docs.add(service, base, parse(service, answer.text()));
        });
        return docs;
    }

    private static OpenAPI parse(String service, String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // every $ref is internal: Schemas follows them
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException(service + ": unreadable OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private void add(String service, URI base, OpenAPI api) {
        Schemas schemas = new Schemas(api.getComponents() == null ? null : api.getComponents().getSchemas());
        schemasByService.put(service, schemas);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(operation(service, base, path, item, method, operation))));
    }

    private static ApiOperation operation(String service, URI base, String path, PathItem item,
                                          PathItem.HttpMethod method, Operation operation) {
        List<ApiOperation.ApiParameter> parameters = new ArrayList<>();
        List<Parameter> declared = new ArrayList<>();
        if (item.getParameters() != null) {
            declared.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            declared.addAll(operation.getParameters());
        }
        for (Parameter p : declared) {
            parameters.add(new ApiOperation.ApiParameter(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()),
                    p.getSchema()));
        }
        MediaType json = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? null
                : operation.getRequestBody().getContent().get("application/json");
        List<String> roles = new ArrayList<>();
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement -> requirement.values().forEach(roles::addAll));
        }
        return new ApiOperation(service, base, method.name(), path, List.copyOf(parameters),
                json == null ? null : json.getSchema(),
                operation.getRequestBody() != null && Boolean.TRUE.equals(operation.getRequestBody().getRequired()),
                List.copyOf(roles));
    }

    public List<ApiOperation> operations() {
        return List.copyOf(operations);
    }

    public Schemas schemas(ApiOperation operation) {
        return schemasByService.get(operation.service());
    }
}
