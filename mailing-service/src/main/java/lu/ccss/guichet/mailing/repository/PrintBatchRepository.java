package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mailing.domain.PrintBatch;

import java.util.UUID;

@ApplicationScoped
public class PrintBatchRepository implements PanacheRepositoryBase<PrintBatch, UUID> {
}
