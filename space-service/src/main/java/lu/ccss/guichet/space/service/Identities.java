package lu.ccss.guichet.space.service;

import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.space.domain.NationalIdentificationNumber;
import lu.ccss.guichet.space.repository.PersonIdentityRepository;

import java.time.Instant;
import java.util.Optional;

/** Who the caller is in terms of national number: the keyed hash of their token's {@code nationalId} claim. */
@ApplicationScoped
public class Identities {

    private final Caller caller;
    private final NationalIdDigest digest;
    private final PersonIdentityRepository identities;

    public Identities(Caller caller, NationalIdDigest digest, PersonIdentityRepository identities) {
        this.caller = caller;
        this.digest = digest;
        this.identities = identities;
    }

    /** The keyed hashes of the caller's national number, if their token carries a valid one. */
    public Optional<NationalIdDigest.Hashes> callerHash() {
        return caller.nationalId()
                .map(claim -> claim.replace(" ", ""))
                .filter(NationalIdentificationNumber::isValid)
                .map(digest::of);
    }

    /** Records the caller's national number hash, as a user of a space, if their token carries one. */
    public Optional<NationalIdDigest.Hashes> recordCaller(Instant now) {
        Optional<NationalIdDigest.Hashes> hash = callerHash();
        hash.ifPresent(h -> identities.record(caller.userId(), h.current(), now));
        return hash;
    }
}
