package lu.ccss.guichet.platform.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RedactedTest {

    @Test
    void aPersonsNationalNumberKeepsOnlyItsBirthYear() {
        assertEquals("1985*********", Redacted.registrationNumber("1985031512345"));
        assertEquals("1985*********", Redacted.registrationNumber("1985 0315 123 45"));
    }

    @Test
    void aCompanyNumberIsLoggedAsItIs() {
        assertEquals("20081234567", Redacted.registrationNumber("20081234567"));
    }

    @Test
    void anythingElseIsMaskedEntirely() {
        assertEquals("[9 characters masked]", Redacted.registrationNumber("LU1234567"));
        assertEquals("[14 characters masked]", Redacted.registrationNumber("19850315123456"));
        assertNull(Redacted.registrationNumber(null));
    }
}
