package lu.ccss.guichet.mandate.service;

import lu.ccss.guichet.mandate.domain.CodeState;
import lu.ccss.guichet.platform.errors.DomainException;

import java.time.Duration;

/**
 * A code attempt that was refused. It answers as a problem, but unlike other errors its transaction commits
 * ({@code dontRollbackOn}): the failure count, a lock and the audit entry must stay. Its messages never say which of
 * two codes was wrong, and never hold what was typed.
 */
public class CodeRefusal extends DomainException {

    private CodeRefusal(Kind kind, String title, String detail, Duration retryAfter) {
        super(kind, title, detail, null, retryAfter);
    }

    /** The pair does not go together for this domain and capacity — whichever part is wrong. */
    static CodeRefusal codesDoNotMatch() {
        return new CodeRefusal(Kind.NOT_ACCEPTED, "Codes not accepted", "These codes do not go together for this "
                + "domain and this kind of mandate. Check the domain, the access code and the security code against "
                + "your letters.", null);
    }

    static CodeRefusal unknownRevocationCode() {
        return new CodeRefusal(Kind.NOT_ACCEPTED, "Code not accepted", "This is not a valid revocation code. Check "
                + "it against your letter.", null);
    }

    static CodeRefusal because(CodeState state) {
        return new CodeRefusal(Kind.CONFLICT, "Code not usable", state.explanation(), null);
    }

    static CodeRefusal nothingToRevoke() {
        return new CodeRefusal(Kind.CONFLICT, "Nothing to revoke", "No space is certified as holder for this domain "
                + "and its access code is no longer unused; the revocation code stays valid.", null);
    }

    static CodeRefusal anotherLettersMandate() {
        return new CodeRefusal(Kind.CONFLICT, "Code not applicable", "This revocation code belongs to another letter "
                + "than the codes the space now certified as holder used: it changes nothing. A holder certification "
                + "is revoked only with the revocation code of the same letter.", null);
    }

    static CodeRefusal tooManyFailures(Duration retryAfter) {
        return new CodeRefusal(Kind.TOO_MANY_ATTEMPTS, "Too many attempts", "Too many failed attempts with codes "
                + "recently; try again later.", retryAfter);
    }
}
