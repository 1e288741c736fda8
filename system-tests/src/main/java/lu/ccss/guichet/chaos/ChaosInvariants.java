package lu.ccss.guichet.chaos;

import lu.ccss.guichet.client.PlatformData;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What must hold after the chaos, read in the services' databases and on the topics. Each check answers the
 * violations it found (empty when it holds), so one run reports all of them.
 */
public final class ChaosInvariants {

    static final List<String> SERVICES = List.of("space", "certification", "mandate", "mailing", "edelivery");

    private final PlatformData data;

    public ChaosInvariants(PlatformData data) {
        this.data = data;
    }

    /** Rows of every outbox not yet acknowledged by the broker, per service. */
    public long unpublished() {
        return SERVICES.stream().mapToLong(s -> data.count(s, "select count(*) from outbox_event "
                + "where published_at is null")).sum();
    }

    /**
     * Checks until every invariant holds or {@code within} is over (events still on their way settle meanwhile);
     * answers the violations of the last check, empty when it all held.
     */
    public List<String> afterSettling(List<ChaosFlow.Outcome> succeeded, Duration within) {
        try {
            return Poll.until("the platform to settle with every invariant holding", within, () -> {
                List<String> found = check(succeeded);
                return found.isEmpty() ? Attempt.done(found) : Attempt.notYet(found);
            });
        } catch (AssertionError notSettled) {
            return check(succeeded);
        }
    }

    public List<String> check(List<ChaosFlow.Outcome> succeeded) {
        List<String> violations = new ArrayList<>();
        violations.addAll(oneLiveIssuancePerTransmittedRequest());
        violations.addAll(oneLetterPerCodeLetter());
        violations.addAll(noDuplicateCertification());
        violations.addAll(everyGrantedMandateIsThereAndPublished(succeeded));
        violations.addAll(oneActivationPerFirstUse(succeeded));
        if (unpublished() != 0) {
            violations.add(unpublished() + " outbox row(s) never published");
        }
        for (String service : SERVICES) {
            int dead = data.records("guichet." + service + ".dead-letter").size();
            if (dead != 0) {
                violations.add(dead + " record(s) on guichet." + service + ".dead-letter");
            }
        }
        return violations;
    }

    private List<String> oneLiveIssuancePerTransmittedRequest() {
        List<String> violations = new ArrayList<>();
        List<UUID> transmitted = data.rows("certification", "select id from certification_request "
                + "where state = 'TRANSMITTED'").stream().map(r -> (UUID) r.get("id")).toList();
        for (UUID request : transmitted) {
            long live = data.count("mandate", "select count(*) from code_issuance where request_id = ? "
                    + "and superseded_at is null", request);
            if (live != 1) {
                violations.add("request " + request + " has " + live + " live code issuances");
            }
        }
        return violations;
    }

    private List<String> oneLetterPerCodeLetter() {
        Set<UUID> codeLetters = data.rows("mandate", "select l.id from code_letter l join code_issuance i "
                + "on i.id = l.issuance_id where i.superseded_at is null").stream().map(r -> (UUID) r.get("id"))
                .collect(Collectors.toSet());
        Map<UUID, Long> letters = data.rows("mailing", "select code_letter_id, count(*) as n from letter "
                        + "where code_letter_id is not null group by code_letter_id").stream()
                .collect(Collectors.toMap(r -> (UUID) r.get("code_letter_id"), r -> ((Number) r.get("n")).longValue()));
        List<String> violations = new ArrayList<>();
        for (UUID codeLetter : codeLetters) {
            long n = letters.getOrDefault(codeLetter, 0L);
            if (n != 1) {
                violations.add("code letter " + codeLetter + " has " + n + " letters");
            }
        }
        return violations;
    }

    private List<String> noDuplicateCertification() {
        List<String> violations = new ArrayList<>();
        data.rows("mandate", "select space_id, employer, domain, capacity, count(*) as n from mandate "
                        + "where ended_at is null group by space_id, employer, domain, capacity having count(*) > 1")
                .forEach(r -> violations.add("duplicate live certification " + r));
        data.rows("mandate", "select code_id, count(*) as n from mandate group by code_id having count(*) > 1")
                .forEach(r -> violations.add("one code, several certifications " + r));
        return violations;
    }

    private List<String> everyGrantedMandateIsThereAndPublished(List<ChaosFlow.Outcome> succeeded) {
        Set<String> published = data.records(Topics.MANDATE).stream()
                .filter(r -> EventTypes.CERTIFICATION_GRANTED.type().equals(PlatformData.header(r, "ce_type")))
                .map(ConsumerRecord::value).map(v -> v.replaceAll(".*\"certificationId\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toSet());
        List<String> violations = new ArrayList<>();
        for (ChaosFlow.Outcome flow : succeeded) {
            for (UUID mandate : flow.mandates()) {
                if (data.count("mandate", "select count(*) from mandate where id = ?", mandate) != 1) {
                    violations.add("mandate " + mandate + " answered 201 but is not in the database");
                }
                if (!published.contains(mandate.toString())) {
                    violations.add("mandate " + mandate + " answered 201 but no CertificationGranted says so");
                }
            }
        }
        return violations;
    }

    private List<String> oneActivationPerFirstUse(List<ChaosFlow.Outcome> succeeded) {
        List<String> violations = new ArrayList<>();
        for (ChaosFlow.Outcome flow : succeeded) {
            long n = data.count("edelivery", "select count(*) from edelivery_activation where space_id = ? "
                    + "and employer = ? and domain = ?", flow.employerSpace(),
                    flow.form().employer().registrationNumber(), ChaosFlow.USED_DOMAIN);
            if (n != 1) {
                violations.add("space " + flow.employerSpace() + " has " + n + " eDelivery activations");
            }
        }
        return violations;
    }
}
