package lu.ccss.guichet.mailing.render;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import lu.ccss.guichet.events.Domain;

/**
 * The domains' official names, in French here and in German and English in {@code messages/domains_de.properties}
 * and {@code messages/domains_en.properties}; templates print them with {@code {domains:name(domain)}}.
 */
@MessageBundle(value = "domains", locale = "fr")
public interface DomainNames {

    @Message("{#when domain}{#is AFFILIATIONS}Affiliations des salariés"
            + "{#is REMUNERATIONS}Rémunérations et incapacités de travail des salariés"
            + "{#is EMPLOYER_DATA}Données générales de l'employeur"
            + "{#is BILLING}Facturation et comptabilité{/when}")
    String name(Domain domain);
}
