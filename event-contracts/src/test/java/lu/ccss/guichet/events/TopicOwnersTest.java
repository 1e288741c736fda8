package lu.ccss.guichet.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every topic of the catalogue has one owner, and the topic table of docs/events.md says the same. */
class TopicOwnersTest {

    @Test
    void everyEventTypeIsPublishedOnATopicWithAnOwner() {
        for (EventType<?> type : EventTypes.ALL) {
            assertTrue(Topics.ownerSource(type.topic()).isPresent(), type.type() + " on " + type.topic());
        }
    }

    @Test
    void theEventCatalogueDocumentNamesTheSameOwners() throws IOException {
        Path doc = Path.of("..", "docs", "events.md");
        String text = Files.readString(doc);
        for (Map.Entry<String, String> owner : Topics.owners().entrySet()) {
            String row = text.lines().filter(l -> l.startsWith("| `" + owner.getKey() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + owner.getKey() + " in docs/events.md"));
            assertTrue(row.contains("`" + owner.getValue() + "`"), row);
        }
    }
}
