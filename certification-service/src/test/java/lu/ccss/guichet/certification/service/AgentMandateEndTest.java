package lu.ccss.guichet.certification.service;

import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.platform.errors.FieldErrors;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bounds of an agent's mandate end date, on the Luxembourg calendar. */
class AgentMandateEndTest {

    private static final CertificationConfig THREE_YEARS = new CertificationConfig() {
        @Override
        public Duration draftTtl() {
            return Duration.ofDays(30);
        }

        @Override
        public String expiryCheck() {
            return "1h";
        }

        @Override
        public int agentMandateMaxYears() {
            return 3;
        }

        @Override
        public java.util.Optional<String> securityCodeKey() {
            return java.util.Optional.empty();
        }

        @Override
        public String securityCodeKeyId() {
            return "local";
        }

        @Override
        public int maxOpenRequestsPerSpace() {
            return 10;
        }

        @Override
        public int maxSecurityCodesPerHour() {
            return 20;
        }
    };

    /** 23:30 UTC on 31 December 2026 is already 1 January 2027 in Luxembourg. */
    private final AgentMandateEnd rule = new AgentMandateEnd(THREE_YEARS,
            Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), AgentMandateEnd.LUXEMBOURG));

    private int errors(LocalDate endsOn) {
        FieldErrors errors = new FieldErrors();
        rule.check(endsOn, "agents[0].mandateEndsOn", errors);
        return errors.size();
    }

    @Test
    void liesAfterTodayInLuxembourgAndAtMostTheConfiguredYearsAhead() {
        assertEquals(0, errors(null));
        assertEquals(1, errors(LocalDate.of(2026, 12, 31)));
        assertEquals(1, errors(LocalDate.of(2027, 1, 1)));
        assertEquals(0, errors(LocalDate.of(2027, 1, 2)));
        assertEquals(0, errors(LocalDate.of(2030, 1, 1)));
        assertEquals(1, errors(LocalDate.of(2030, 1, 2)));
    }
}
