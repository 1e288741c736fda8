package lu.ccss.guichet.registerimport;

import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterCsvTest {

    static final String HEADER = "registrationNumber;kind;legalName;street;number;postcode;locality;country;language\n";

    private static RegisterCsv.Parsed parse(String body) throws Exception {
        return RegisterCsv.parse(new StringReader(HEADER + body), Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void readsGoodLinesIntoRegistrations() throws Exception {
        RegisterCsv.Parsed parsed = parse("""
                20231234567;EMPLOYER;Boulangerie Muller S.à r.l.;Route d'Esch;125;L-1471;Luxembourg;LU;fr
                1980 0101 123 02;professional_agent;"Fiduciaire Weber; Associés";Boulevard Royal;26;L-2449;Luxembourg;lu;DE
                """);
        assertEquals(List.of(), parsed.badLines());
        assertEquals(2, parsed.entries().size());
        var muller = parsed.entries().get(0).event();
        assertEquals("20231234567", muller.registrationNumber());
        assertEquals(PartyKind.EMPLOYER, muller.kind());
        assertEquals("L-1471", muller.address().postcode());
        var weber = parsed.entries().get(1).event();
        assertEquals("1980010112302", weber.registrationNumber(), "spaces between groups are removed");
        assertEquals(PartyKind.PROFESSIONAL_AGENT, weber.kind());
        assertEquals("Fiduciaire Weber; Associés", weber.legalName(), "a quoted field may hold the separator");
        assertEquals("LU", weber.address().country());
        assertEquals("de", weber.language());
        assertEquals(3, parsed.entries().get(1).line());
    }

    @Test
    void reportsEachBadLineWithItsNumberAndKeepsTheGoodOnes() throws Exception {
        RegisterCsv.Parsed parsed = parse("""
                20231234567;EMPLOYER;Good;Route d'Esch;125;L-1471;Luxembourg;LU;fr
                1980010112312;EMPLOYER;Bad check digit;Rue;1;L-1000;Luxembourg;LU;fr
                20231234568;BANK;Bad kind;Rue;1;L-1000;Luxembourg;LU;lb
                20231234569;EMPLOYER;;Rue;1;L-1000;Luxembourg;Luxembourg;fr
                20231234567;EMPLOYER;Twice;Rue;1;L-1000;Luxembourg;LU;fr
                20231234570;EMPLOYER;Too few fields
                19990101001;PROFESSIONAL_AGENT;Also good;Rue;2;L-2000;Luxembourg;LU;en
                """);
        assertEquals(List.of(2L, 8L), parsed.entries().stream().map(RegisterCsv.Entry::line).toList());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), parsed.badLines().stream().map(RegisterCsv.BadLine::line).toList());
        assertTrue(parsed.badLines().get(0).toString().contains("Luhn"), parsed.badLines().get(0).toString());
        assertEquals(2, parsed.badLines().get(1).reasons().size(), "kind and language: " + parsed.badLines().get(1));
        assertTrue(parsed.badLines().get(2).reasons().contains("legalName is required"));
        assertTrue(parsed.badLines().get(2).toString().contains("country"));
        assertTrue(parsed.badLines().get(3).toString().contains("already on line 2"));
        parsed.badLines().forEach(bad -> assertTrue(!bad.toString().contains("2023123456"), "no number echoed: " + bad));
        assertTrue(parsed.badLines().get(4).toString().contains("expected 9"));
    }

    @Test
    void aFileWithoutTheHeaderIsNotTheRegistersExport() {
        assertThrows(IllegalArgumentException.class, () -> RegisterCsv.parse(
                new StringReader("20231234567;EMPLOYER;Good;Rue;1;L-1000;Luxembourg;LU;fr\n"), Instant.now()));
    }
}
