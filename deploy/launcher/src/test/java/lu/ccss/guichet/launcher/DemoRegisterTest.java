package lu.ccss.guichet.launcher;

import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.registerimport.RegisterCsv;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoRegisterTest {

    @Test
    void theDemoRegisterIsAValidExportWithEmployersAndAgents() throws Exception {
        try (Reader csv = new InputStreamReader(Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream(DemoRegister.RESOURCE)), StandardCharsets.UTF_8)) {
            RegisterCsv.Parsed parsed = RegisterCsv.parse(csv, Instant.now());
            assertEquals(List.of(), parsed.badLines());
            List<PartyKind> kinds = parsed.entries().stream().map(e -> e.event().kind()).toList();
            assertTrue(kinds.contains(PartyKind.EMPLOYER) && kinds.contains(PartyKind.PROFESSIONAL_AGENT),
                    kinds.toString());
        }
    }
}
