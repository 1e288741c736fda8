package lu.ccss.guichet.certification.domain;

/** The steps of the wizard a filer saves one by one, with the name used in the API path. */
public enum WizardStep {
    INFORMATION("information"),
    WARNING("warning"),
    FILER("filer"),
    EMPLOYER("employer"),
    AGENTS("agents"),
    SECURITY_CODE("security-code");

    private final String pathName;

    WizardStep(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }
}
