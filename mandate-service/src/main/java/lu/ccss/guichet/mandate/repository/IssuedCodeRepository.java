package lu.ccss.guichet.mandate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.mandate.domain.IssuedCode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssuedCodeRepository implements PanacheRepositoryBase<IssuedCode, UUID> {

    /**
     * The code stored under that keyed hash, row-locked until the transaction ends: of two people using one code at
     * once, the second waits and then sees the first's outcome.
     */
    public Optional<IssuedCode> lockByLookupHash(String lookupHmac) {
        return find("lookupHmac", lookupHmac).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<IssuedCode> agentSecurityCode(UUID issuanceId, String agentRegistrationNumber) {
        return find("issuanceId = ?1 and agentRegistrationNumber = ?2 and kind = ?3", issuanceId,
                agentRegistrationNumber, CodeKind.AGENT_SECURITY).firstResultOptional();
    }

    public List<IssuedCode> ofLetter(UUID letterId) {
        return find("letterId", letterId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<IssuedCode> ofRequest(UUID requestId) {
        return find("requestId", requestId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Every unused, not voided code of the employer's letters (holder and agent codes alike). */
    public List<IssuedCode> lockUnusedOfEmployer(String employer) {
        return find("employer = ?1 and usedAt is null and voidedAt is null", employer)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Every unused, not voided code issued for the agent (its security and access codes), for any employer. */
    public List<IssuedCode> lockUnusedOfAgent(String agentRegistrationNumber) {
        return find("agentRegistrationNumber = ?1 and usedAt is null and voidedAt is null", agentRegistrationNumber)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<IssuedCode> holderAccessCodes(UUID issuanceId, Domain domain) {
        return find("issuanceId = ?1 and kind = ?2 and domain = ?3", issuanceId, CodeKind.HOLDER_ACCESS, domain)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
