package lu.ccss.guichet.mailing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.mailing.domain.EmployerContact;

@ApplicationScoped
public class EmployerContactRepository implements PanacheRepositoryBase<EmployerContact, String> {
}
