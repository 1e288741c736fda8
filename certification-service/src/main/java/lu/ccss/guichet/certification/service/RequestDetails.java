package lu.ccss.guichet.certification.service;

import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.RequestDocument;
import lu.ccss.guichet.certification.domain.TimelineEntry;

import java.util.List;

/** A request with its document (null before confirmation) and its timeline, as its filer reviews it. */
public record RequestDetails(CertificationRequest request, RequestDocument document, List<TimelineEntry> timeline) {
}
