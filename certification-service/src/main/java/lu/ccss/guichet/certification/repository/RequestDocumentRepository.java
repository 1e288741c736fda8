package lu.ccss.guichet.certification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.certification.domain.RequestDocument;

import java.util.UUID;

@ApplicationScoped
public class RequestDocumentRepository implements PanacheRepositoryBase<RequestDocument, UUID> {
}
