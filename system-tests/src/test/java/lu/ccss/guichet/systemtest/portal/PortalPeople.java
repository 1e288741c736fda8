package lu.ccss.guichet.systemtest.portal;

import java.nio.file.Path;

/** The people of the portal's browser test, each with a browser of their own (opened when first needed). */
public final class PortalPeople implements AutoCloseable {

    private final String portal;
    private final Path screenshots;
    private final Browser.AxeReport axe = new Browser.AxeReport();
    private Browser employer;
    private Browser operator;
    private Browser agent;
    private Browser colleague;

    public PortalPeople(String portal, Path screenshots) {
        this.portal = portal;
        this.screenshots = screenshots;
    }

    public static boolean chromiumInstalled() {
        return Browser.Chromium.binary().isPresent() && Browser.Chromium.driver().isPresent();
    }

    public Browser employer() {
        if (employer == null) {
            employer = new Browser(portal, "fr-LU,fr", axe, screenshots);
        }
        return employer;
    }

    public Browser operator() {
        if (operator == null) {
            operator = new Browser(portal, "fr", axe, screenshots);
        }
        return operator;
    }

    public Browser agent() {
        if (agent == null) {
            agent = new Browser(portal, "de", axe, screenshots);
        }
        return agent;
    }

    public Browser colleague() {
        if (colleague == null) {
            colleague = new Browser(portal, "de-LU,de", axe, screenshots);
        }
        return colleague;
    }

    public Browser.AxeReport axe() {
        return axe;
    }

    @Override
    public void close() {
        for (Browser b : new Browser[] {employer, operator, agent, colleague}) {
            if (b != null) {
                try {
                    b.close();
                } catch (RuntimeException e) {
                    // the browser is gone already
                }
            }
        }
    }
}
