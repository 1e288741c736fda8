package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.events.CheckDigits;
import lu.ccss.guichet.platform.errors.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check digits computed independently (a Python implementation of Luhn and Verhoeff) for these numbers. */
class NationalIdentificationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1893120105732", "1980010112302", "1975122400159", "2000022999947", "1991111100030"})
    void acceptsNumbersWhoseLuhnAndVerhoeffDigitsMatch(String number) {
        assertTrue(NationalIdentificationNumber.isValid(number));
        assertEquals(number, NationalIdentificationNumber.of(number, "nationalId").digits());
    }

    @Test
    void toleratesSpacesBetweenGroupsOfDigits() {
        assertEquals("1893120105732", NationalIdentificationNumber.of("1893 1201 057 32", "nationalId").digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1893120105722", // Luhn digit wrong (3 -> 2)
            "1893120105733", // Verhoeff digit wrong (2 -> 3)
            "1893120105372", // two digits swapped
            "1893120115732", // one payload digit changed
            "189312010573",  // 12 digits
            "18931201057320", // 14 digits
            "18931201O5732"  // a letter O
    })
    void refusesNumbersThatFailTheirChecks(String number) {
        assertFalse(NationalIdentificationNumber.isValid(number));
        DomainException e = assertThrows(DomainException.class, () -> NationalIdentificationNumber.of(number, "nin"));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("nin", e.errors().get(0).field());
    }

    @Test
    void computesLuhnAndVerhoeffCheckDigits() {
        assertEquals(3, CheckDigits.luhn("18931201057"));
        assertEquals(2, CheckDigits.verhoeff("18931201057"));
        // Textbook examples: Luhn of 7992739871 is 3; Verhoeff of 236 is 3.
        assertEquals(3, CheckDigits.luhn("7992739871"));
        assertEquals(3, CheckDigits.verhoeff("236"));
    }

    @Test
    void neverPrintsTheWholeNumber() {
        NationalIdentificationNumber number = NationalIdentificationNumber.of("1893120105732", "nationalId");
        assertEquals("**********732", number.toString());
        assertEquals("732", number.lastDigits());
    }
}
