package lu.ccss.guichet.benchmark;

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
            long deadline = System.nanoTime() + 60_000_000_000L;
            HopFloor.Kafka measured = probe.sinceCleared();
            while (measured.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
                measured = probe.sinceCleared();
            }
            assertTrue(measured.failure() != null && measured.failure().contains("did not come back"),
                    "a round after the broker stopped: " + measured);
            assertTrue(Double.isNaN(measured.p50()), "no percentile from a failed probe: " + measured);
        } finally {
            if (!brokerStopped) {
                broker.close();
            }
        }
    }

    private static HopFloor.Kafka awaitSamples(HopFloor.DuringRounds probe, int samples) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        HopFloor.Kafka measured = probe.sinceCleared();
        while (measured.samples() < samples && System.nanoTime() < deadline) {
            Thread.sleep(100);
            measured = probe.sinceCleared();
        }
        assertTrue(measured.samples() >= samples, "the probe measured " + measured);
        return measured;
    }
}
