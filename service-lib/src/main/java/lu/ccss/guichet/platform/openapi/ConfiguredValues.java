package lu.ccss.guichet.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the configured values into the OpenAPI texts when the service starts: a description says
 * {@code {guichet.codes.validity}} and the document shows "90 days", or whatever the operator configured.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ConfiguredValues implements OASFilter {

    private static final Pattern SETTING = Pattern.compile("\\{(guichet\\.[a-z0-9.-]+)}");

    private final Config config = ConfigProvider.getConfig();

    @Override
    public Operation filterOperation(Operation operation) {
        operation.setSummary(resolve(operation.getSummary()));
        operation.setDescription(resolve(operation.getDescription()));
        return operation;
    }

    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        response.setDescription(resolve(response.getDescription()));
        return response;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        parameter.setDescription(resolve(parameter.getDescription()));
        return parameter;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        schema.setDescription(resolve(schema.getDescription()));
        return schema;
    }

    String resolve(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        Matcher setting = SETTING.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (setting.find()) {
            String value = config.getOptionalValue(setting.group(1), String.class).map(ConfiguredValues::readable)
                    .orElse(setting.group());
            setting.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        return setting.appendTail(resolved).toString();
    }

    /** An ISO-8601 duration in words ("P90D" → "90 days", "PT15M" → "15 minutes"); anything else as it is. */
    static String readable(String value) {
        if (!value.startsWith("P")) {
            return value;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.toSeconds() % 86_400 == 0) {
                return plural(duration.toDays(), "day");
            }
            if (duration.toSeconds() % 3_600 == 0) {
                return plural(duration.toHours(), "hour");
            }
            return plural(duration.toMinutes(), "minute");
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
