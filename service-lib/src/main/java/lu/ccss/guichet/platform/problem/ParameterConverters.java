package lu.ccss.guichet.platform.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads UUID and whole-number parameters (path, query, header…) so that a malformed one is a 400 naming the
 * parameter ({@link InvalidParameterException}) instead of the 404 JAX-RS answers for a path or query parameter it
 * cannot convert. Numbers too large for their type are malformed as well.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "must be a UUID", UUID::fromString, UUID::toString);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE, s -> Integer.valueOf(s.strip()), String::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE, s -> Long.valueOf(s.strip()), String::valueOf);
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, String message, Function<String, V> parse,
                                                   Function<V, String> print) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    throw new InvalidParameterException(name, message);
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : print.apply(value);
            }
        };
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                String name = a instanceof PathParam p ? p.value()
                        : a instanceof QueryParam q ? q.value()
                        : a instanceof HeaderParam h ? h.value()
                        : a instanceof MatrixParam m ? m.value()
                        : a instanceof FormParam f ? f.value()
                        : a instanceof CookieParam c ? c.value()
                        : a instanceof RestPath p ? p.value()
                        : a instanceof RestQuery q ? q.value()
                        : a instanceof RestHeader h ? h.value()
                        : a instanceof RestForm f ? f.value()
                        : a instanceof RestCookie c ? c.value()
                        : null;
                if (name != null && !name.isEmpty()) {
                    return name;
                }
            }
        }
        return "parameter";
    }
}
