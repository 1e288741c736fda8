package lu.ccss.guichet.events;

import java.util.Locale;
import java.util.Optional;

/** The four domains a space is certified for, one at a time. */
public enum Domain {
    /** Affiliations des salariés: registering and de-registering employees. */
    AFFILIATIONS,
    /** Rémunérations et incapacités de travail des salariés: pay and sick-leave declarations. */
    REMUNERATIONS,
    /** Données générales de l'employeur: the employer's own master data. */
    EMPLOYER_DATA,
    /** Facturation et comptabilité: contribution statements, balance, payments. */
    BILLING;

    /** Every domain, as an error message lists them. */
    public static final String NAMES = "AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA, BILLING";

    /** The domain a person or a system wrote, whatever its case and surrounding spaces; empty if it is none. */
    public static Optional<Domain> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT);
        for (Domain domain : values()) {
            if (domain.name().equals(name)) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }
}
