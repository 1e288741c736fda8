package lu.ccss.guichet.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of every event type the platform publishes. */
public final class EventTypes {

    public static final EventType<SpaceEvents.SpaceCreated> SPACE_CREATED = new EventType<>(
            "SpaceCreated", "lu.ccss.space.created.v1", Topics.SPACE, SpaceEvents.SpaceCreated.class);
    public static final EventType<SpaceEvents.MemberAdded> MEMBER_ADDED = new EventType<>(
            "MemberAdded", "lu.ccss.space.member-added.v1", Topics.SPACE, SpaceEvents.MemberAdded.class);
    public static final EventType<SpaceEvents.MemberRoleChanged> MEMBER_ROLE_CHANGED = new EventType<>(
            "MemberRoleChanged", "lu.ccss.space.member-role-changed.v1", Topics.SPACE,
            SpaceEvents.MemberRoleChanged.class);
    public static final EventType<SpaceEvents.MemberRemoved> MEMBER_REMOVED = new EventType<>(
            "MemberRemoved", "lu.ccss.space.member-removed.v1", Topics.SPACE, SpaceEvents.MemberRemoved.class);
    public static final EventType<SpaceEvents.DomainFirstUsed> DOMAIN_FIRST_USED = new EventType<>(
            "DomainFirstUsed", "lu.ccss.space.domain-first-used.v1", Topics.SPACE, SpaceEvents.DomainFirstUsed.class);

    /**
     * Version 3: no postal address and no personal contact (v2's employer and agent addresses, the agents' e-mails,
     * the filer's e-mail and phone); letters go to the register's addresses. Version 2 (the holder's security-code
     * hash sealed, {@link CertificationEvents.SealedSecurityCodeHash}) is no longer published but still read
     * ({@link #supersededBy}); v1 carried the hash in clear and is neither published nor read.
     */
    public static final EventType<CertificationEvents.RequestTransmitted> REQUEST_TRANSMITTED = new EventType<>(
            "RequestTransmitted", "lu.ccss.certification.request-transmitted.v3", Topics.CERTIFICATION,
            CertificationEvents.RequestTransmitted.class);

    /**
     * Version 2: the letters carry no address; the mailing-service takes it from the employer register. Version 1 is
     * no longer published but still read ({@link #supersededBy}).
     */
    public static final EventType<MandateEvents.CodesIssued> CODES_ISSUED = new EventType<>(
            "CodesIssued", "lu.ccss.mandate.codes-issued.v2", Topics.MANDATE, MandateEvents.CodesIssued.class);
    public static final EventType<MandateEvents.CodeLocked> CODE_LOCKED = new EventType<>(
            "CodeLocked", "lu.ccss.mandate.code-locked.v1", Topics.MANDATE, MandateEvents.CodeLocked.class);
    public static final EventType<MandateEvents.CertificationGranted> CERTIFICATION_GRANTED = new EventType<>(
            "CertificationGranted", "lu.ccss.mandate.certification-granted.v1", Topics.MANDATE,
            MandateEvents.CertificationGranted.class);
    public static final EventType<MandateEvents.MandateRevoked> MANDATE_REVOKED = new EventType<>(
            "MandateRevoked", "lu.ccss.mandate.mandate-revoked.v1", Topics.MANDATE, MandateEvents.MandateRevoked.class);

    public static final EventType<MailingEvents.LetterPosted> LETTER_POSTED = new EventType<>(
            "LetterPosted", "lu.ccss.mailing.letter-posted.v1", Topics.MAILING, MailingEvents.LetterPosted.class);
    public static final EventType<MailingEvents.LetterReturned> LETTER_RETURNED = new EventType<>(
            "LetterReturned", "lu.ccss.mailing.letter-returned.v1", Topics.MAILING, MailingEvents.LetterReturned.class);
    /**
     * Version 2: facts only; v1 carried the document, its title and its hash on the public topic. The content goes
     * to the edelivery-service alone in {@link #DOCUMENT_FOR_INBOX}.
     */
    public static final EventType<MailingEvents.DocumentRouted> DOCUMENT_ROUTED = new EventType<>(
            "DocumentRouted", "lu.ccss.mailing.document-routed.v2", Topics.MAILING, MailingEvents.DocumentRouted.class);
    /** On the private topic {@link Topics#MAILING_INBOX}: for the edelivery-service only. */
    public static final EventType<MailingEvents.DocumentForInbox> DOCUMENT_FOR_INBOX = new EventType<>(
            "DocumentForInbox", "lu.ccss.mailing.document-for-inbox.v1", Topics.MAILING_INBOX,
            MailingEvents.DocumentForInbox.class);

    public static final EventType<EDeliveryEvents.EDeliveryActivated> EDELIVERY_ACTIVATED = new EventType<>(
            "EDeliveryActivated", "lu.ccss.edelivery.activated.v1", Topics.EDELIVERY,
            EDeliveryEvents.EDeliveryActivated.class);
    public static final EventType<EDeliveryEvents.EDeliveryStopped> EDELIVERY_STOPPED = new EventType<>(
            "EDeliveryStopped", "lu.ccss.edelivery.stopped.v1", Topics.EDELIVERY,
            EDeliveryEvents.EDeliveryStopped.class);
    public static final EventType<EDeliveryEvents.DocumentRead> DOCUMENT_READ = new EventType<>(
            "DocumentRead", "lu.ccss.edelivery.document-read.v1", Topics.EDELIVERY, EDeliveryEvents.DocumentRead.class);

    public static final EventType<RegisterEvents.EmployerRegistered> EMPLOYER_REGISTERED = new EventType<>(
            "EmployerRegistered", "lu.ccss.register.employer-registered.v1", Topics.REGISTER,
            RegisterEvents.EmployerRegistered.class);
    public static final EventType<RegisterEvents.EmployerUpdated> EMPLOYER_UPDATED = new EventType<>(
            "EmployerUpdated", "lu.ccss.register.employer-updated.v1", Topics.REGISTER,
            RegisterEvents.EmployerUpdated.class);
    public static final EventType<RegisterEvents.EmployerCeased> EMPLOYER_CEASED = new EventType<>(
            "EmployerCeased", "lu.ccss.register.employer-ceased.v1", Topics.REGISTER,
            RegisterEvents.EmployerCeased.class);

    public static final List<EventType<?>> ALL = List.of(SPACE_CREATED, MEMBER_ADDED, MEMBER_ROLE_CHANGED,
            MEMBER_REMOVED, DOMAIN_FIRST_USED, REQUEST_TRANSMITTED, CODES_ISSUED, CODE_LOCKED, CERTIFICATION_GRANTED,
            MANDATE_REVOKED, LETTER_POSTED, LETTER_RETURNED, DOCUMENT_ROUTED, DOCUMENT_FOR_INBOX, EDELIVERY_ACTIVATED,
            EDELIVERY_STOPPED,
            DOCUMENT_READ,
            EMPLOYER_REGISTERED, EMPLOYER_UPDATED, EMPLOYER_CEASED);

    /**
     * Earlier versions that are no longer published but that the platform's consumers still read, as the current
     * version that replaced them: records published before an upgrade may still be in flight. Each differs from its
     * successor only by fields the successor dropped, so its payload reads into the successor's record and those
     * fields are ignored (never used). Removed once no such record can be left (a later release).
     */
    private static final Map<String, EventType<?>> SUPERSEDED = Map.of(
            "lu.ccss.certification.request-transmitted.v2", REQUEST_TRANSMITTED,
            "lu.ccss.mandate.codes-issued.v1", CODES_ISSUED);

    /** The event type with that CloudEvents {@code type}, if the platform publishes it. */
    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /**
     * The current type that replaced {@code type}, if {@code type} is an earlier version the platform's consumers
     * still read (see {@link #SUPERSEDED}); empty for a current type, and for a version that is no longer read.
     */
    public static Optional<EventType<?>> supersededBy(String type) {
        return Optional.ofNullable(SUPERSEDED.get(type));
    }

    /** The earlier versions still read, by the type they are read as (for the documentation and its tests). */
    public static Map<String, EventType<?>> stillRead() {
        return SUPERSEDED;
    }

    private EventTypes() {
    }
}
