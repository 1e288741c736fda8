package lu.ccss.guichet.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Year;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numbers below were computed outside this code base (Luhn and Verhoeff over the first 11 digits, by a separate
 * script), e.g. 19800101123 → Luhn 0, Verhoeff 2 → 1980010112302.
 */
class RegistrationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1980010112302", "1975061500484", "2000022998795", "1993123145602", "1998220456700",
            "1965030432148"})
    void accepts13DigitNumbersWhoseLuhnAndVerhoeffDigitsMatch(String number) {
        assertEquals(Optional.empty(), RegistrationNumber.problem(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1980010112312", "1975061500474", "2000022998705", "1998220456712"})
    void refusesA13DigitNumberWithAWrongLuhnDigit(String number) {
        assertTrue(RegistrationNumber.problem(number).orElseThrow().contains("12th digit"), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1980010112303", "1975061500480", "2000022998790", "1993123145609"})
    void refusesA13DigitNumberWithAWrongVerhoeffDigit(String number) {
        assertTrue(RegistrationNumber.problem(number).orElseThrow().contains("13th digit"), number);
    }

    @Test
    void catchesATranspositionOfTwoDigits() {
        // 1980010112302 with its 9th and 10th digits swapped
        assertTrue(RegistrationNumber.problem("1980010121302").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19931231456", "20231234567", "18500101001"})
    void accepts11DigitNumbersStartingWithAPlausibleYear(String number) {
        assertEquals(Optional.empty(), RegistrationNumber.problem(number));
    }

    @Test
    void refusesAn11DigitNumberWhoseYearIsImplausible() {
        assertTrue(RegistrationNumber.problem("17991231456").isPresent());
        assertTrue(RegistrationNumber.problem((Year.now().getValue() + 1) + "0101001").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1234567890", "123456789012", "12345678901234", "1980O10112302", "+1980010112302",
            "1980-01-01123"})
    void refusesAnythingButElevenOrThirteenDigits(String number) {
        assertEquals(Optional.of("must be 11 or 13 digits"), RegistrationNumber.problem(number));
    }

    @Test
    void removesSpacesTypedBetweenGroups() {
        assertEquals("1980010112302", RegistrationNumber.normalise("1980 0101 123 02"));
        assertTrue(RegistrationNumber.isValid("1980 0101 123 02"));
        assertFalse(RegistrationNumber.isValid("  "));
        assertFalse(RegistrationNumber.isValid(null));
    }

    @Test
    void computesTheTextbookCheckDigits() {
        assertEquals(3, CheckDigits.luhn("7992739871"));
        assertEquals(3, CheckDigits.verhoeff("236"));
        assertEquals(0, CheckDigits.luhn("19800101123"));
        assertEquals(2, CheckDigits.verhoeff("19800101123"));
    }
}
