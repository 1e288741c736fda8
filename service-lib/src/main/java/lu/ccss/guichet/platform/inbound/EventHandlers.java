package lu.ccss.guichet.platform.inbound;

import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which handler takes which event type; types nobody handles are acknowledged and skipped. The handler of a type also
 * takes the earlier versions of it that are still read ({@link EventTypes#supersededBy}): their payload reads into the
 * current record, the fields the current version dropped ignored.
 */
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
        Handler<?> handler = byType.get(type);
        if (handler == null) {
            handler = EventTypes.supersededBy(type).map(current -> byType.get(current.type())).orElse(null);
        }
        return Optional.ofNullable(handler);
    }
}
