package lu.ccss.guichet.certification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.TimelineEntry;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    public List<TimelineEntry> ofRequest(UUID requestId) {
        return list("requestId", Sort.ascending("occurredAt", "seq"), requestId);
    }
}
