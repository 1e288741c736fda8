package lu.ccss.guichet.mandate.service;

import lu.ccss.guichet.events.CertificationEvents.Agent;
import lu.ccss.guichet.events.CertificationEvents.Employer;
import lu.ccss.guichet.events.CertificationEvents.RequestTransmitted;
import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.mandate.domain.CodeRequest;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.platform.inbound.InvalidEventException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a RequestTransmitted must hold for codes to be issued; anything less goes to the dead-letter topic. No address
 * is needed nor kept: the mailing-service posts the letters to the register's addresses (a v2 record's addresses and
 * e-mails are ignored).
 */
final class TransmittedRequest {

    private TransmittedRequest() {
    }

    static void check(RequestTransmitted e) {
        List<String> missing = new ArrayList<>();
        require(e.requestId() != null, "requestId", missing);
        require(notBlank(e.reference()), "reference", missing);
        SealedSecurityCodeHash sealed = e.sealedSecurityCodeHash();
        require(sealed != null && notBlank(sealed.keyId()) && notBlank(sealed.encryptedKey())
                && notBlank(sealed.iv()) && notBlank(sealed.ciphertext()), "sealedSecurityCodeHash", missing);
        require(e.transmittedAt() != null, "transmittedAt", missing);
        Employer employer = e.employer();
        if (employer == null) {
            missing.add("employer");
        } else {
            require(RegistrationNumber.isValid(employer.registrationNumber()),
                    "employer.registrationNumber", missing);
            require(notBlank(employer.legalName()), "employer.legalName", missing);
            require(notBlank(employer.language()), "employer.language", missing);
        }
        List<Agent> agents = e.agents() == null ? List.of() : e.agents();
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            String at = "agents[" + i + "]";
            if (agent == null) {
                missing.add(at);
                continue;
            }
            require(RegistrationNumber.isValid(agent.registrationNumber()),
                    at + ".registrationNumber", missing);
            require(notBlank(agent.name()), at + ".name", missing);
            require(agent.domains() != null, at + ".domains", missing);
        }
        if (!missing.isEmpty()) {
            throw new InvalidEventException("RequestTransmitted " + e.requestId()
                    + " cannot be issued codes; missing or invalid: " + String.join(", ", missing));
        }
    }

    /** {@code holderSecurityHash}: the opened, checked hash ({@link SecurityCodeKeys#holderSecurityHash}). */
    static CodeRequest toCodeRequest(RequestTransmitted e, String holderSecurityHash) {
        CodeRequest request = new CodeRequest();
        request.requestId = e.requestId();
        request.reference = e.reference();
        request.filingSpaceId = e.spaceId();
        request.employer = e.employer().registrationNumber();
        request.employerName = e.employer().legalName();
        request.language = e.employer().language();
        request.holderSecurityHash = holderSecurityHash;
        request.transmittedAt = e.transmittedAt();
        request.receivedAt = Times.now();
        return request;
    }

    private static void require(boolean ok, String field, List<String> missing) {
        if (!ok) {
            missing.add(field);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
