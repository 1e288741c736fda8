package lu.ccss.guichet.platform.inbound;

import lu.ccss.guichet.events.EventType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Which handler takes which event type; types nobody handles are acknowledged and skipped. */
public final class EventHandlers {

    record Handler<T>(EventType<T> type, Consumer<T> action) {
    }

    private final Map<String, Handler<?>> byType = new HashMap<>();

    public static EventHandlers create() {
        return new EventHandlers();
    }

    public <T> EventHandlers on(EventType<T> type, Consumer<T> action) {
        byType.put(type.type(), new Handler<>(type, action));
        return this;
    }

    /** Adds every handler of {@code other}. */
    public EventHandlers with(EventHandlers other) {
        byType.putAll(other.byType);
        return this;
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
