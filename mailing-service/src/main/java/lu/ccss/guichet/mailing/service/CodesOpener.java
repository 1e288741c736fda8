package lu.ccss.guichet.mailing.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.mailing.config.MailingKeys;
import lu.ccss.guichet.platform.crypto.SealedBox;
import lu.ccss.guichet.platform.inbound.InvalidEventException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Opens the sealed codes of a code letter and checks that they belong on it: the box names the same code letter
 * (so a box cannot be moved onto another recipient's letter), and each code is of a kind that recipient may
 * receive. Error messages name letters and kinds, never a code, because they end up in the dead-letter topic.
 */
@ApplicationScoped
public class CodesOpener {

    private static final Set<CodeKind> EMPLOYER_KINDS =
            EnumSet.of(CodeKind.HOLDER_ACCESS, CodeKind.HOLDER_REVOCATION, CodeKind.AGENT_SECURITY);
    private static final Set<CodeKind> AGENT_KINDS = EnumSet.of(CodeKind.AGENT_ACCESS);

    private final MailingKeys keys;
    private final ObjectMapper mapper;

    public CodesOpener(MailingKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    public LetterCodes open(CodeLetter letter) {
        if (letter.sealedCodes() == null) {
            throw new InvalidEventException("Code letter " + letter.codeLetterId() + " has no sealed codes");
        }
        if (!keys.codesKeyId().equals(letter.sealedCodes().keyId())) {
            throw new InvalidEventException("Code letter " + letter.codeLetterId() + " is sealed for key '"
                    + letter.sealedCodes().keyId() + "'; this mailing-service holds key '" + keys.codesKeyId() + "'");
        }
        byte[] json;
        try {
            json = SealedBox.open(letter.sealedCodes(), keys.codesKey());
        } catch (IllegalStateException e) {
            throw new InvalidEventException("The sealed codes of code letter " + letter.codeLetterId()
                    + " cannot be opened with key '" + keys.codesKeyId() + "' (wrong key or tampered with)");
        }
        LetterCodes codes;
        try {
            codes = mapper.readValue(json, LetterCodes.class);
        } catch (Exception e) {
            // Not chained: a parser message may quote the content, which holds codes.
            throw new InvalidEventException("The sealed codes of code letter " + letter.codeLetterId()
                    + " are not a LetterCodes document");
        } finally {
            java.util.Arrays.fill(json, (byte) 0);
        }
        check(letter, codes);
        return codes;
    }

    private static void check(CodeLetter letter, LetterCodes codes) {
        if (!letter.codeLetterId().equals(codes.codeLetterId())) {
            throw new InvalidEventException("The sealed codes of code letter " + letter.codeLetterId()
                    + " belong to another code letter");
        }
        if (codes.codes() == null || codes.codes().isEmpty()) {
            throw new InvalidEventException("Code letter " + letter.codeLetterId() + " carries no code");
        }
        Set<CodeKind> allowed = letter.recipientKind() == RecipientKind.EMPLOYER ? EMPLOYER_KINDS : AGENT_KINDS;
        for (LetterCode code : codes.codes()) {
            if (code == null || code.kind() == null || !allowed.contains(code.kind())) {
                throw new InvalidEventException("Code letter " + letter.codeLetterId() + " to the "
                        + letter.recipientKind() + " carries a code of kind " + (code == null ? null : code.kind())
                        + ", which this recipient may not receive");
            }
            if (CodeFormat.of(code.code()).isEmpty()) {
                throw new InvalidEventException("Code letter " + letter.codeLetterId() + " carries a malformed "
                        + code.kind() + " code");
            }
            boolean needsDomain = code.kind() != CodeKind.AGENT_SECURITY;
            if (needsDomain && code.domain() == null) {
                throw new InvalidEventException("Code letter " + letter.codeLetterId() + " carries a " + code.kind()
                        + " code without its domain");
            }
            if (!needsDomain && (code.agentName() == null || code.agentName().isBlank())) {
                throw new InvalidEventException("Code letter " + letter.codeLetterId()
                        + " carries an agent security code without the agent's name");
            }
        }
    }
}
