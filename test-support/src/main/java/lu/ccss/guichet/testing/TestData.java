package lu.ccss.guichet.testing;

import lu.ccss.guichet.events.CheckDigits;

import java.time.Year;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers, so that each test has an employer or a person nobody else has. */
public final class TestData {

    private TestData() {
    }

    /** An 11-digit CCSS registration number (a legal person's: year of registration, then seven digits). */
    public static String newRegistrationNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int year = 1950 + random.nextInt(Year.now().getValue() - 1950);
        return year + String.format("%07d", random.nextInt(10_000_000));
    }

    /** A 13-digit national identification number: a birth date, a sequence number and both check digits. */
    public static String newNationalId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String payload = String.format("%04d%02d%02d%03d", 1940 + random.nextInt(60), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return CheckDigits.nationalNumber(payload);
    }
}
