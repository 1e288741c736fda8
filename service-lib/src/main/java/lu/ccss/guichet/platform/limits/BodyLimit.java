package lu.ccss.guichet.platform.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint accepts, when it needs more than every endpoint's default
 * ({@code guichet.limits.max-body-bytes}, 64 KiB): a document upload, say. {@link BodyLimits} enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** Bytes, as declared by {@code Content-Length}. */
    long bytes();
}
