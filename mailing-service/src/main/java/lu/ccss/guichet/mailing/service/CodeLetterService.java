package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.MailingEvents.LetterKind;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.mailing.domain.Letter;
import lu.ccss.guichet.mailing.render.LetterModels;
import lu.ccss.guichet.mailing.render.LetterRenderer;
import lu.ccss.guichet.mailing.render.RenderedLetter;
import lu.ccss.guichet.mailing.repository.LetterRepository;
import lu.ccss.guichet.mailing.service.RegisteredRecipients.CodeLetterDestination;
import lu.ccss.guichet.platform.inbound.InvalidEventException;
import lu.ccss.guichet.platform.persistence.Address;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns CodesIssued into letters: one to the employer and one to each agent, each rendered with only its own
 * codes and kept encrypted until posted, at the registered address of its recipient (see RegisteredRecipients), never
 * at an address an event carries; a letter to a ceased employer or agent is recorded void and never printed; a
 * CodesIssued with a recipient the register projection does not name makes nothing and goes to the dead-letter topic,
 * to be replayed once the register names it. A code letter already made (same {@code codeLetterId}) is not made
 * again; a new issuance for the same request voids the earlier letters that have not left yet.
 */
@ApplicationScoped
public class CodeLetterService {

    private static final Logger LOG = Logger.getLogger(CodeLetterService.class);

    private final LetterRepository letters;
    private final RegisteredRecipients recipients;
    private final CodesOpener opener;
    private final LetterRenderer renderer;
    private final LetterVault vault;

    public CodeLetterService(LetterRepository letters, RegisteredRecipients recipients, CodesOpener opener,
                             LetterRenderer renderer, LetterVault vault) {
        this.letters = letters;
        this.recipients = recipients;
        this.opener = opener;
        this.renderer = renderer;
        this.vault = vault;
    }

    @Transactional
    public void onCodesIssued(CodesIssued event) {
        check(event);
        Map<UUID, CodeLetterDestination> destinations = new LinkedHashMap<>();
        for (CodeLetter codeLetter : event.letters()) {
            CodeLetterDestination destination = destination(event, codeLetter);
            if (destination instanceof CodeLetterDestination.Unknown unknown) {
                // Never an address from the event: nothing is made until the register names every recipient.
                throw new InvalidEventException("CodesIssued for request " + event.requestId() + ": letter "
                        + codeLetter.codeLetterId() + " (" + codeLetter.recipientKind() + ") has nowhere to go: "
                        + unknown.reason() + "; no letter made, replay the event once the register names it");
            }
            destinations.put(codeLetter.codeLetterId(), destination);
        }
        Instant now = Instant.now();
        for (Letter earlier : letters.unsentOfOtherIssuances(event.requestId(), event.issuanceId())) {
            letters.record(earlier.voidBy(event.issuanceId(), now));
            LOG.infof("Letter %s of request %s voided: its codes were reissued", earlier.id, event.requestId());
        }
        String employerName = event.letters().stream()
                .filter(l -> l.recipientKind() == RecipientKind.EMPLOYER).findFirst()
                .map(l -> destinations.get(l.codeLetterId()) instanceof CodeLetterDestination.Post post
                        ? post.recipient().name() : l.recipientName())
                .orElse(event.employer());
        for (CodeLetter codeLetter : event.letters()) {
            if (letters.existsForCodeLetter(codeLetter.codeLetterId())) {
                LOG.debugf("Code letter %s was already made; skipped", codeLetter.codeLetterId());
                continue;
            }
            CodeLetterDestination destination = destinations.get(codeLetter.codeLetterId());
            if (destination instanceof CodeLetterDestination.Post post) {
                Letter letter = make(event, codeLetter, post.recipient(), employerName, now);
                LOG.infof("Letter %s (%s) generated for request %s: %d page(s), to the registered address",
                        letter.id, letter.kind, event.requestId(), letter.pages);
            } else if (destination instanceof CodeLetterDestination.Void v) {
                Letter letter = voided(event, codeLetter, v, now);
                LOG.warnf("Letter %s (%s) of request %s voided without printing: %s", letter.id, letter.kind,
                        event.requestId(), v.reason());
            }
        }
    }

    /** The rule is RegisteredRecipients': the register's address now, or none. */
    private CodeLetterDestination destination(CodesIssued event, CodeLetter codeLetter) {
        return recipients.forCodeLetter(event.employer(), codeLetter.recipientKind() == RecipientKind.AGENT,
                codeLetter.agentRegistrationNumber(), event.language());
    }

    /**
     * A code letter to a ceased party: recorded (visible to operators, without codes), never rendered nor printed,
     * under the party's last registered name and address if the register gave them.
     */
    private Letter voided(CodesIssued event, CodeLetter codeLetter, CodeLetterDestination.Void destination,
                          Instant now) {
        Letter letter = new Letter();
        letter.id = UUID.randomUUID();
        describe(letter, event, codeLetter,
                destination.lastRegistered().map(RegisteredRecipients.Recipient::name)
                        .orElse(codeLetter.recipientName()),
                destination.lastRegistered().map(RegisteredRecipients.Recipient::address).orElse(null));
        var generated = letter.voidUnprinted(now, destination.reason());
        letters.persist(letter);
        letters.record(generated);
        return letter;
    }

    private Letter make(CodesIssued event, CodeLetter codeLetter, RegisteredRecipients.Recipient recipient,
                        String employerName, Instant now) {
        LetterCodes codes = opener.open(codeLetter);
        Letter letter = new Letter();
        letter.id = UUID.randomUUID();
        LetterModels.Header header = renderer.header(letter.id, event.language(), recipient.name(),
                recipient.address(), event.reference(), event.employer(), now);
        RenderedLetter rendered;
        RenderedLetter operatorView;
        // The printable letter (codes in it, for the print provider) and the operator's view of the same letter,
        // rendered from the same models with every code masked.
        if (codeLetter.recipientKind() == RecipientKind.EMPLOYER) {
            LetterModels.EmployerCodes model = employerCodes(codes);
            rendered = renderer.employerLetter(event.language(), header, model);
            operatorView = renderer.employerLetter(event.language(), header, model.masked());
        } else {
            LetterModels.AgentCodes model = agentCodes(codes, employerName);
            rendered = renderer.agentLetter(event.language(), header, model);
            operatorView = renderer.agentLetter(event.language(), header, model.masked());
        }
        describe(letter, event, codeLetter, recipient.name(), recipient.address());
        letter.pages = rendered.pages();
        letter.contentSha256 = rendered.sha256();
        letter.pdfEncrypted = vault.seal(letter.id, rendered.pdf());
        letter.operatorPdfEncrypted = vault.sealOperatorView(letter.id, operatorView.pdf());
        var generated = letter.generated(now, "codes issued (issuance " + event.issuanceId() + ")");
        letters.persist(letter);
        letters.record(generated);
        return letter;
    }

    private static void describe(Letter letter, CodesIssued event, CodeLetter codeLetter, String name,
                                 PostalAddress address) {
        letter.kind = codeLetter.recipientKind() == RecipientKind.EMPLOYER
                ? LetterKind.CODES_EMPLOYER : LetterKind.CODES_AGENT;
        letter.language = event.language();
        letter.reference = event.reference();
        letter.employer = event.employer();
        letter.requestId = event.requestId();
        letter.issuanceId = event.issuanceId();
        letter.codeLetterId = codeLetter.codeLetterId();
        letter.recipientName = name;
        letter.agentRegistrationNumber = codeLetter.agentRegistrationNumber();
        letter.address = address == null ? null : Address.of(address);
    }

    private static LetterModels.EmployerCodes employerCodes(LetterCodes codes) {
        Map<Domain, String[]> byDomain = new EnumMap<>(Domain.class);
        List<LetterModels.AgentSecurityCode> agents = new ArrayList<>();
        for (LetterCode code : codes.codes()) {
            String printed = CodeAlphabet.print(CodeFormat.normalise(code.code()));
            switch (code.kind()) {
                case HOLDER_ACCESS -> byDomain.computeIfAbsent(code.domain(), d -> new String[2])[0] = printed;
                case HOLDER_REVOCATION -> byDomain.computeIfAbsent(code.domain(), d -> new String[2])[1] = printed;
                case AGENT_SECURITY -> agents.add(new LetterModels.AgentSecurityCode(
                        lu.ccss.guichet.mailing.render.Text.clean(code.agentName()), code.agentRegistrationNumber(),
                        printed));
                default -> throw new IllegalStateException("Unexpected " + code.kind());
            }
        }
        List<LetterModels.HolderCodes> domains = byDomain.entrySet().stream()
                .map(e -> new LetterModels.HolderCodes(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new LetterModels.EmployerCodes(domains, agents);
    }

    private static LetterModels.AgentCodes agentCodes(LetterCodes codes, String employerName) {
        List<LetterModels.AgentAccessCode> access = codes.codes().stream()
                .filter(c -> c.kind() == CodeKind.AGENT_ACCESS)
                .sorted(Comparator.comparing(LetterCode::domain))
                .map(c -> new LetterModels.AgentAccessCode(c.domain(), CodeAlphabet.print(CodeFormat.normalise(c.code()))))
                .toList();
        return new LetterModels.AgentCodes(lu.ccss.guichet.mailing.render.Text.clean(employerName), access);
    }

    /** What the database and the letter need; an event without it goes to the dead-letter topic with the reason. */
    private static void check(CodesIssued event) {
        List<String> missing = new ArrayList<>();
        if (event.requestId() == null) {
            missing.add("requestId");
        }
        if (event.issuanceId() == null) {
            missing.add("issuanceId");
        }
        if (event.reference() == null || event.reference().isBlank() || event.reference().length() > 64) {
            missing.add("reference (1 to 64 characters)");
        }
        if (event.employer() == null || !event.employer().matches("\\d{11}(\\d{2})?")) {
            missing.add("employer (11 or 13 digits)");
        }
        if (Language.parse(event.language()).isEmpty()) {
            missing.add("language (fr, de or en)");
        }
        if (event.issuedAt() == null) {
            missing.add("issuedAt");
        }
        if (event.letters() == null || event.letters().isEmpty()) {
            missing.add("letters (at least one)");
        } else {
            for (int i = 0; i < event.letters().size(); i++) {
                CodeLetter letter = event.letters().get(i);
                if (letter == null || letter.codeLetterId() == null || letter.recipientKind() == null
                        || letter.recipientName() == null || letter.recipientName().isBlank()
                        || letter.recipientName().length() > 255
                        || (letter.recipientKind() == RecipientKind.AGENT
                        && (letter.agentRegistrationNumber() == null
                        || !letter.agentRegistrationNumber().matches("\\d{11}(\\d{2})?")))) {
                    missing.add("letters[" + i + "] (codeLetterId, recipientKind, recipientName and, for an agent "
                            + "letter, agentRegistrationNumber)");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidEventException("CodesIssued for request " + event.requestId() + " lacks or has invalid: "
                    + String.join(", ", missing));
        }
    }

}
