package lu.ccss.guichet.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.narayana.jta.TransactionExceptionResult;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.idempotency.RequestFingerprints.Fingerprint;
import lu.ccss.guichet.platform.security.Caller;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs an {@link Idempotent} method that received an {@code Idempotency-Key} once per caller, operation and key:
 * <ol>
 * <li>in one transaction with everything the method writes (its services' {@code @Transactional} methods join it),
 * so the stored answer exists if and only if what the request created does;</li>
 * <li>under a transaction-scoped advisory lock on the key: a second request with the key while the first runs is a
 * 409 at once (try again: it then gets the first answer), and the primary key of {@code idempotency_key} stops any
 * that would slip through;</li>
 * <li>a stored answer within the retention period is given again if the request is the same (its HMAC matches),
 * else the request is a 422; the method does not run;</li>
 * <li>otherwise the method runs, and a 2xx answer is stored. A failure stores nothing: the transaction ends as the
 * method's own {@code @Transactional} rules decide (a refused code's failure count, kept by
 * {@code dontRollbackOn}, is still kept).</li>
 * </ol>
 * Inside a transaction the resource method began itself (priority above {@code @Transactional}'s), it joins that one.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final HttpHeaders headers;
    private final UriInfo uri;
    private final Caller caller;
    private final StoredAnswers answers;
    private final RequestFingerprints fingerprints;
    private final ObjectMapper json;
    /** The request's JSON with map entries in key order, so that the same body always has the same fingerprint. */
    private final ObjectMapper canonical;

    @Inject
    public IdempotencyInterceptor(HttpHeaders headers, UriInfo uri, Caller caller, StoredAnswers answers,
                                  RequestFingerprints fingerprints, ObjectMapper json) {
        this.headers = headers;
        this.uri = uri;
        this.caller = caller;
        this.answers = answers;
        this.fingerprints = fingerprints;
        this.json = json;
        this.canonical = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        Optional<String> operation = Operations.of(invocation.getMethod());
        Optional<String> key = operation.isEmpty() ? Optional.empty()
                : IdempotencyKeys.read(headers.getRequestHeader(Idempotent.KEY_HEADER));
        if (key.isEmpty()) {
            return invocation.proceed();
        }
        IdempotentRequest request = new IdempotentRequest(caller.userId(), operation.get(), key.get(),
                content(invocation));
        return inOneTransaction(() -> answerOnce(request, invocation));
    }

    private Object answerOnce(IdempotentRequest request, InvocationContext invocation) throws Exception {
        if (!answers.tryLock(request)) {
            throw inProgress();
        }
        Optional<StoredAnswers.Row> earlier = answers.find(request);
        if (earlier.isPresent()) {
            if (!fingerprints.matches(earlier.get().fingerprint(), request.content())) {
                throw new DomainException(DomainException.Kind.NOT_ACCEPTED, "Idempotency key reused",
                        "This Idempotency-Key was used for another request; a new request needs a new key", null,
                        null);
            }
            throw new ReplayedAnswer(earlier.get().answer());
        }
        Object result = invocation.proceed();
        store(request, result);
        return result;
    }

    private void store(IdempotentRequest request, Object result) {
        try {
            StoredAnswer answer = StoredAnswer.of(result, json);
            if (answer.successful() && !answers.save(request, fingerprints.of(request.content()), answer)) {
                throw inProgress();
            }
        } catch (RuntimeException e) {
            // What the method created must not commit without its stored answer.
            QuarkusTransaction.setRollbackOnly();
            throw e;
        }
    }

    private static DomainException inProgress() {
        return new DomainException(DomainException.Kind.CONFLICT, "Request in progress",
                "A request with this Idempotency-Key is in progress; retry it to get its answer", null, RETRY_AFTER);
    }

    /**
     * Begins a transaction, or joins the caller's. An exception rolls it back only if something marked it so (the
     * services' {@code @Transactional} rules, or this interceptor); a checked exception of the method reaches its
     * mapper as it was thrown.
     */
    private static Object inOneTransaction(Callable<Object> work) throws Exception {
        try {
            return QuarkusTransaction.joiningExisting()
                    .exceptionHandler(e -> QuarkusTransaction.isRollbackOnly()
                            ? TransactionExceptionResult.ROLLBACK : TransactionExceptionResult.COMMIT)
                    .call(work);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    /** The request's path, query and body (the parameters JAX-RS did not take from the URL, headers or context). */
    private byte[] content(InvocationContext invocation) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        part(out, uri.getPath());
        part(out, String.valueOf(uri.getRequestUri().getRawQuery()));
        Parameter[] parameters = invocation.getMethod().getParameters();
        Object[] values = invocation.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (isBody(parameters[i])) {
                part(out, body(values[i]));
            }
        }
        return bytes.toByteArray();
    }

    private static void part(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private String body(Object value) throws JsonProcessingException {
        return value instanceof String text ? text : canonical.writeValueAsString(value);
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (fromJaxRs(annotation.annotationType())) {
                return false;
            }
        }
        return !fromJaxRs(parameter.getType()) && !parameter.getType().getName().startsWith("io.vertx.");
    }

    /** {@code @PathParam}, {@code @Context}, {@code UriInfo}, {@code @RestQuery}…: not the body. */
    private static boolean fromJaxRs(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.");
    }
}
