package lu.ccss.guichet.edelivery.rest;

import lu.ccss.guichet.edelivery.domain.EDeliveryStatus;
import lu.ccss.guichet.edelivery.domain.InboxDocument;
import lu.ccss.guichet.edelivery.repository.InboxRepository;
import lu.ccss.guichet.edelivery.service.InboxService;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the eDelivery API. */
public final class EDeliveryViews {

    public record StatusView(String employer, Domain domain,
                             @Schema(description = "Documents of this domain go to the inbox instead of the post")
                             boolean active,
                             @Schema(description = "When eDelivery was switched on; null while it is not")
                             Instant since,
                             @Schema(description = "When eDelivery stopped because the space no longer holds a "
                                     + "mandate for this employer and domain; null if it never stopped")
                             Instant stoppedAt,
                             @Schema(description = "Why the mandate ended, when eDelivery stopped; null otherwise")
                             MandateEvents.RevocationReason stopReason) {
        static StatusView of(EDeliveryStatus s) {
            return new StatusView(s.employer(), s.domain(), s.active(), s.since(), s.stoppedAt(), s.stopReason());
        }
    }

    public record DocumentView(UUID id, String employer, Domain domain, String title, String contentType, long size,
                               String sha256, Instant routedAt,
                               @Schema(description = "Whether the caller has downloaded it") boolean read,
                               @Schema(description = "When the caller first downloaded it; null if never")
                               Instant readAt) {
        static DocumentView of(InboxRepository.Entry entry) {
            InboxDocument d = entry.document();
            return new DocumentView(d.id, d.employer, d.domain, d.title, d.contentType, d.size, d.sha256, d.routedAt,
                    entry.readAt() != null, entry.readAt());
        }
    }

    public record PageView(List<DocumentView> items, int page, int size, long totalItems, long totalPages) {
        static PageView of(InboxService.Page page) {
            return new PageView(page.entries().stream().map(DocumentView::of).toList(), page.page(), page.size(),
                    page.total(), (page.total() + page.size() - 1) / page.size());
        }
    }

    private EDeliveryViews() {
    }
}
