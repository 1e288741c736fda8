package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mailing.domain.DocumentDispatch;

import java.util.UUID;

@ApplicationScoped
public class DocumentDispatchRepository implements PanacheRepositoryBase<DocumentDispatch, UUID> {
}
