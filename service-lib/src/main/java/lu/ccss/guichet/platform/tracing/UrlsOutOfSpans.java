package lu.ccss.guichet.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps registration numbers out of exported spans: a request's path or query may hold one — for a natural person,
 * the national number ({@code GET /api/operator/register/employers/{registrationNumber}}, {@code ?employer=}) —, which
 * must not reach a trace collector. Every number of 9 or more digits in the URL attributes is replaced as soon as the
 * span starts, before any export; the rest (route, ids of spaces, requests and letters) stays for the operator.
 */
@ApplicationScoped
public class UrlsOutOfSpans implements SpanProcessor {

    static final String REDACTED = "[redacted]";
    /** 9 or more digits standing alone: not the last group of a UUID (12 hex digits after a hyphen). */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9A-Fa-f-])[0-9]{9,}(?![0-9A-Fa-f])");
    private static final List<AttributeKey<String>> URL_ATTRIBUTES = List.of(
            AttributeKey.stringKey("url.path"), AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : URL_ATTRIBUTES) {
            String value = span.getAttribute(key);
            if (value != null && NUMBER.matcher(value).find()) {
                span.setAttribute(key, NUMBER.matcher(value).replaceAll(REDACTED));
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
