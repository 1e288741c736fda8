package lu.ccss.guichet.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;

/**
 * The one JSON reading policy of every service (request bodies and received events):
 * <ul>
 * <li>a string field takes a JSON string only: {@code {"name": 123}} or {@code true} is a 400 naming the field,
 * not the text "123"; likewise a boolean takes only {@code true} or {@code false} (not "true" nor 1) and a number
 * only a JSON number (not "3" nor true): scalar coercion is switched off;</li>
 * <li>a string never holds a C0 control character (U+0000 to U+001F) or DEL, except tab, line feed and carriage
 * return, which multi-line text (a message, an address line pasted from a letter) may carry: NUL would reach
 * PostgreSQL, which refuses it with a 500, and the others have no business in what a person types. Single-line
 * fields refuse tab and line breaks too through their own rule ({@code @Text}).</li>
 * <li>a body is one JSON document: a second one or garbage after it is refused, not ignored;</li>
 * <li>an object names each key once: {@code {"role": "MEMBER", "role": "ADMINISTRATOR"}} is refused, since which of
 * the two a reader keeps is that reader's choice (and Jackson answered a duplicate creator property with an
 * exception that became a 500).</li>
 * </ul>
 * Dates (Instant, LocalDate) and UUIDs are read from strings as before.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("guichet-strict-strings")
                .addDeserializer(String.class, new TextOnly()));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }

    /** True if {@code c} may appear in a string the platform reads. */
    public static boolean allowed(int c) {
        return !(c < 0x20 || c == 0x7F) || c == '\t' || c == '\n' || c == '\r';
    }

    /** A string with a character {@link #allowed} refuses. */
    public static class ControlCharacterException extends InvalidFormatException {
        ControlCharacterException(JsonParser parser, String value) {
            super(parser, "String contains a control character", value, String.class);
        }
    }

    static final class TextOnly extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    if (!allowed(value.charAt(i))) {
                        throw new ControlCharacterException(parser, value);
                    }
                }
            }
            return value;
        }
    }
}
