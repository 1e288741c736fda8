package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe that measures the floor's Kafka round trip while a round runs, against a real broker. */
class HopFloorTest {

    @Test
    void theProbeMeasuresRoundTripsUntilClosedAndForgetsThemWhenARoundStarts() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
             HopFloor.DuringRounds probe = new HopFloor.DuringRounds(broker.bootstrapServers())) {
            HopFloor.Kafka measured = awaitSamples(probe, 5);
            assertNull(measured.failure());
            assertTrue(measured.p50() > 0 && measured.p99() >= measured.p50(), "percentiles of real round trips: "
                    + measured);

            probe.clear();
            HopFloor.Kafka afterClear = probe.sinceCleared();
            assertTrue(afterClear.samples() < measured.samples(), "a round counts only its own records: "
                    + afterClear);
        }
    }

    @Test
    void aProbeWhoseRecordDoesNotComeBackSaysWhyInsteadOfPercentiles() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        boolean brokerStopped = false;
        try (HopFloor.DuringRounds probe = new HopFloor.DuringRounds(broker.bootstrapServers(),
                Duration.ofSeconds(2))) {
            awaitSamples(probe, 1);
            broker.close();
            brokerStopped = true;
            HopFloor.Kafka measured = Poll.until("the probe to give up", Duration.ofSeconds(60), () -> {
                HopFloor.Kafka now = probe.sinceCleared();
                return now.failure() != null ? Attempt.done(now) : Attempt.notYet(now);
            });
            assertTrue(measured.failure().contains("did not come back"), "a round after the broker stopped: "
                    + measured);
            assertTrue(Double.isNaN(measured.p50()), "no percentile from a failed probe: " + measured);
        } finally {
            if (!brokerStopped) {
                broker.close();
            }
        }
    }

    private static HopFloor.Kafka awaitSamples(HopFloor.DuringRounds probe, int samples) {
        return Poll.until(samples + " round trips", Duration.ofSeconds(60), () -> {
            HopFloor.Kafka measured = probe.sinceCleared();
            return measured.samples() >= samples ? Attempt.done(measured) : Attempt.notYet(measured);
        });
    }
}
