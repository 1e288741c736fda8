package lu.ccss.guichet.events;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckDigitsTest {

    @Test
    void computesTheTextbookCheckDigits() {
        assertEquals(3, CheckDigits.luhn("7992739871"));
        assertEquals(3, CheckDigits.verhoeff("236"));
        assertEquals(1, CheckDigits.verhoeff("12345"));
        assertEquals(0, CheckDigits.verhoeff("142857"));
        assertTrue(CheckDigits.isValidNationalNumber("1893120105732"));
    }

    @Test
    void aNationalNumberCatchesEverySingleWrongDigitAndEverySwapOfNeighbours() {
        Random random = new Random(42);
        for (int n = 0; n < 500; n++) {
            StringBuilder payload = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                payload.append(random.nextInt(10));
            }
            String number = CheckDigits.nationalNumber(payload.toString());
            assertTrue(CheckDigits.isValidNationalNumber(number), number);
            for (int i = 0; i < 13; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != number.charAt(i)) {
                        String typo = number.substring(0, i) + d + number.substring(i + 1);
                        assertFalse(CheckDigits.isValidNationalNumber(typo), typo);
                    }
                }
            }
            for (int i = 0; i < 12; i++) {
                if (number.charAt(i) != number.charAt(i + 1)) {
                    String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i)
                            + number.substring(i + 2);
                    assertFalse(CheckDigits.isValidNationalNumber(swapped), swapped);
                }
            }
        }
    }

    @Test
    void refusesAnythingButThirteenDigits() {
        assertFalse(CheckDigits.isValidNationalNumber(null));
        assertFalse(CheckDigits.isValidNationalNumber("189312010573"));
        assertFalse(CheckDigits.isValidNationalNumber("18931201057a2"));
    }
}
