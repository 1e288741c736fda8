package lu.ccss.guichet.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SoakOptionsTest {

    @Test
    void readsDurationsInSecondsMinutesAndHours() {
        Soak.Options options = Soak.Options.parse(new String[] {"--duration=2h", "--flows=20", "--fault-every=90s",
                "--sample-every=5m", "--seed=7"});
        assertEquals(Duration.ofHours(2), options.duration());
        assertEquals(20, options.flows());
        assertEquals(Duration.ofSeconds(90), options.faultEvery());
        assertEquals(Duration.ofMinutes(5), options.sampleEvery());
        assertEquals(7, options.seed());
        assertEquals(Duration.ZERO, Soak.Options.parse(new String[] {"--fault-every=0s"}).faultEvery());
        assertNull(Soak.Options.parse(new String[] {"--help"}));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> Soak.Options.parse(new String[] {"--duration=30"}));
        assertThrows(IllegalArgumentException.class, () -> Soak.Options.parse(new String[] {"--flows=0"}));
        assertThrows(IllegalArgumentException.class, () -> Soak.Options.parse(new String[] {"--sample-every=0m"}));
        assertThrows(IllegalArgumentException.class, () -> Soak.Options.parse(new String[] {"--kill=1"}));
    }
}
