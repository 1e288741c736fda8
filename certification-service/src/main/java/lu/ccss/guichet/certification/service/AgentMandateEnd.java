package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.platform.errors.FieldErrors;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The rule of an agent's mandate end date (agents step, optional): after today in Luxembourg, and at most
 * {@code guichet.certification.agent-mandate-max-years} years ahead.
 */
@ApplicationScoped
public class AgentMandateEnd {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    private final CertificationConfig config;
    private final Clock clock;

    @Inject
    public AgentMandateEnd(CertificationConfig config) {
        this(config, Clock.system(LUXEMBOURG));
    }

    AgentMandateEnd(CertificationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Adds the reason to {@code errors} under {@code field} when {@code endsOn} (null: no end date) breaks the rule. */
    public void check(LocalDate endsOn, String field, FieldErrors errors) {
        if (endsOn == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(LUXEMBOURG));
        int maxYears = config.agentMandateMaxYears();
        if (!endsOn.isAfter(today)) {
            errors.add(field, "must be after today (" + today + ", Luxembourg time)");
        } else if (endsOn.isAfter(today.plusYears(maxYears))) {
            errors.add(field, "must be at most " + maxYears + " years ahead, on " + today.plusYears(maxYears)
                    + " at the latest");
        }
    }
}
