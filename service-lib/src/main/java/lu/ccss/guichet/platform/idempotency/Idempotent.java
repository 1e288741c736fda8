package lu.ccss.guichet.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that accepts an {@code Idempotency-Key} header, so that a client may retry it safely: the same
 * key and body within {@code guichet.idempotency.retention} (24 hours) answer the first answer again, with
 * {@code Idempotent-Replayed: true}, and change nothing; the same key with another body is a 422. Without the header
 * the method behaves as if it were not annotated. The method must answer JSON (or nothing) and be blocking. On a
 * class it applies to every resource method of the class that changes something (POST, PUT, PATCH, DELETE).
 * {@link IdempotencyInterceptor} does the work, {@link IdempotencyDocumentation} documents it in the OpenAPI document.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** The request header that carries the key. */
    String KEY_HEADER = "Idempotency-Key";

    /** The answer header that marks a stored answer given again. */
    String REPLAYED_HEADER = "Idempotent-Replayed";
}
