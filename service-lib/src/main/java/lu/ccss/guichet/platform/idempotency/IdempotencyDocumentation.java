package lu.ccss.guichet.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Documents the {@code Idempotency-Key} header, its 400, 409 and 422 and the {@code Idempotent-Replayed} answer
 * header on every {@link Idempotent} operation, in one place: the methods carry only the annotation. Runs when the
 * document is built, with the application's index; {@code {guichet.idempotency.retention}} is then written out at
 * start by {@code ConfiguredValues}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyDocumentation implements OASFilter {

    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class);
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final String PATTERN = "^[\\x20-\\x7E]{1," + IdempotencyKeys.MAX_LENGTH + "}$";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "The Idempotency-Key header is malformed (named in errors[].field)",
            "409", "A request with the same Idempotency-Key is still in progress; retry after Retry-After to get "
                    + "its answer",
            "422", "The Idempotency-Key was already used for another request (another body or path) within "
                    + "{guichet.idempotency.retention}; nothing was done");

    private final Set<String> operations;

    public IdempotencyDocumentation(IndexView index) {
        this.operations = index.getAnnotations(IDEMPOTENT).stream()
                .flatMap(a -> a.target().kind() == AnnotationTarget.Kind.CLASS
                        ? a.target().asClass().methods().stream() : Stream.of(a.target().asMethod()))
                .map(IdempotencyDocumentation::operation)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static Optional<String> operation(MethodInfo method) {
        AnnotationInstance typePath = method.declaringClass().declaredAnnotation(PATH);
        AnnotationInstance ownPath = method.declaredAnnotation(PATH);
        return Operations.CHANGING.stream().filter(verb -> method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb)))
                .findFirst()
                .map(verb -> Operations.name(verb, typePath == null ? null : typePath.value().asString(),
                        ownPath == null ? null : ownPath.value().asString()));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((verb, operation) -> {
            if (operations.contains(verb.name() + " " + path)) {
                document(operation);
            }
        }));
    }

    private static void document(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(Idempotent.KEY_HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Makes a retry safe: a request with the same key and body within "
                        + "{guichet.idempotency.retention} gets the first answer again (status, body, Location, with "
                        + "Idempotent-Replayed: true) and changes nothing; the same key with another body is a 422. "
                        + "Only successful answers are kept. The key is yours alone and this operation's: 1 to "
                        + IdempotencyKeys.MAX_LENGTH + " printable ASCII characters, a new UUID per request is a "
                        + "good choice. Without it, every request is a new one.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(IdempotencyKeys.MAX_LENGTH).pattern(PATTERN)));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        ERRORS.forEach((status, text) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(text));
            } else {
                response.setDescription(response.getDescription() + ". Or: " + text);
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(Idempotent.REPLAYED_HEADER, OASFactory.createHeader()
                        .description("true when this is the stored answer of an earlier request with the same "
                                + "Idempotency-Key")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)));
            }
        });
    }
}
