package lu.ccss.guichet.mailing.domain;

/** Where a letter is in its life; an operator follows it. */
public enum LetterStatus {
    /** Rendered, its PDF kept encrypted, waiting for the next print batch. */
    GENERATED,
    /** In a print batch: printed, being put in envelopes. */
    BATCHED,
    /** Left for the post; its PDF is gone. */
    POSTED,
    /** Came back undelivered after posting. */
    RETURNED,
    /** Never to be posted: its codes were reissued before it left; its PDF is gone. */
    VOIDED;

    /** Whether the letter's PDF is still kept. */
    public boolean keepsPdf() {
        return this == GENERATED || this == BATCHED;
    }
}
