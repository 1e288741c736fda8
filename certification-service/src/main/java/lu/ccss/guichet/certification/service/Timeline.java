package lu.ccss.guichet.certification.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.TimelineEntry;
import lu.ccss.guichet.certification.domain.TimelineKind;
import lu.ccss.guichet.certification.repository.TimelineRepository;

import java.time.Instant;
import java.util.UUID;

/** Writes the lines of a request's timeline, in the transaction of what they report. */
@ApplicationScoped
public class Timeline {

    private final TimelineRepository entries;

    public Timeline(TimelineRepository entries) {
        this.entries = entries;
    }

    public TimelineEntry record(UUID requestId, TimelineKind kind, Instant at, String actor) {
        TimelineEntry entry = TimelineEntry.of(requestId, kind, at);
        entry.actor = actor;
        entries.persist(entry);
        return entry;
    }
}
