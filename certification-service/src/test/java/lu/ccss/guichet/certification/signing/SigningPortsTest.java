package lu.ccss.guichet.certification.signing;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningPortsTest {

    @Test
    void theLocalSignerStopsAProductionServiceUnlessExplicitlyAllowed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SigningPorts.requireLocalAllowed(LaunchMode.NORMAL, false));
        assertTrue(refused.getMessage().contains("SIGNING_LOCAL_ALLOWED_IN_PRODUCTION"), refused.getMessage());
        assertDoesNotThrow(() -> SigningPorts.requireLocalAllowed(LaunchMode.NORMAL, true));
        assertDoesNotThrow(() -> SigningPorts.requireLocalAllowed(LaunchMode.TEST, false));
        assertDoesNotThrow(() -> SigningPorts.requireLocalAllowed(LaunchMode.DEVELOPMENT, false));
    }
}
