package lu.ccss.guichet.platform.idempotency;

import lu.ccss.guichet.platform.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A key is 1 to 255 printable ASCII characters, sent once; anything else is a 400 naming the header. */
class IdempotencyKeysTest {

    @Test
    void noHeaderIsNoKey() {
        assertEquals(Optional.empty(), IdempotencyKeys.read(null));
        assertEquals(Optional.empty(), IdempotencyKeys.read(List.of()));
    }

    @Test
    void printableAsciiUpTo255CharactersIsAKey() {
        for (String key : List.of("a", "3f2b9c1e-5d7a-4e8f-9a0b-1c2d3e4f5a6b", "order 42/retry #1 ~ok", "x".repeat(255))) {
            assertEquals(Optional.of(key), IdempotencyKeys.read(List.of(key)));
        }
    }

    @Test
    void anythingElseIsRefusedNamingTheHeader() {
        for (List<String> values : List.of(List.of(""), List.of("x".repeat(256)), List.of("caf\u00e9"),
                List.of("bell\u0007ring"), List.of("tab\tbed"), List.of("del\u007fete"), List.of("nul\u0000"),
                List.of("one", "two"))) {
            InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                    () -> IdempotencyKeys.read(values), values.toString());
            assertEquals("Idempotency-Key", refused.parameter());
        }
    }
}
