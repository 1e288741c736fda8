package lu.ccss.guichet.mailing.domain;

import lu.ccss.guichet.events.MailingEvents.LetterKind;

/** How a letter is franked: code letters go priority mail, documents standard mail. */
public enum PostageClass {
    PRIORITY,
    STANDARD;

    public static PostageClass of(LetterKind kind) {
        return kind == LetterKind.DOCUMENT ? STANDARD : PRIORITY;
    }
}
