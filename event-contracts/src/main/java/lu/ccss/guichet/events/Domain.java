package lu.ccss.guichet.events;

/** The four domains a space is certified for, one at a time. */
public enum Domain {
    /** Affiliations des salariés: registering and de-registering employees. */
    AFFILIATIONS,
    /** Rémunérations et incapacités de travail des salariés: pay and sick-leave declarations. */
    REMUNERATIONS,
    /** Données générales de l'employeur: the employer's own master data. */
    EMPLOYER_DATA,
    /** Facturation et comptabilité: contribution statements, balance, payments. */
    BILLING
}
