package lu.ccss.guichet.mandate.domain;

/** Whether a code can be used now, and if not, why — as the person who typed it is told. */
public enum CodeState {
    USABLE(null),
    NOT_YET_POSTED("These codes cannot be used yet: their letter has not been posted"),
    EXPIRED("These codes have expired; ask the CCSS for new codes"),
    USED("This code has already been used; each code can be used once"),
    VOID("These codes are no longer valid; ask the CCSS for new codes"),
    LOCKED("This access code is locked after too many failed attempts; ask the CCSS for new codes");

    private final String explanation;

    CodeState(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
