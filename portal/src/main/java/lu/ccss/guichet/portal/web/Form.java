package lu.ccss.guichet.portal.web;

import io.quarkus.qute.TemplateData;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;

/**
 * Every field of the portal's forms (plain HTML, {@code application/x-www-form-urlencoded}); a page re-shows what was
 * typed when the service refuses it. The field names are the API's, so that the fields a problem names are found.
 */
@TemplateData
public class Form {
    @RestForm public String name;
    @RestForm public String description;
    @RestForm public String acknowledged;
    @RestForm public String lastName;
    @RestForm public String firstName;
    @RestForm public String email;
    @RestForm public String phone;
    @RestForm public String registrationNumber;
    @RestForm public String language;
    @RestForm public String oneAgentForAllDomains;
    @RestForm public String agent0Number;
    @RestForm public String agent0Email;
    @RestForm public List<String> agent0Domains = new ArrayList<>();
    @RestForm public String agent0EndsOn;
    @RestForm public String agent1Number;
    @RestForm public String agent1Email;
    @RestForm public List<String> agent1Domains = new ArrayList<>();
    @RestForm public String agent1EndsOn;
    @RestForm public String code;
    @RestForm public String confirmation;
    @RestForm public String domain;
    @RestForm public String capacity;
    @RestForm public String accessCode;
    @RestForm public String securityCode;
    @RestForm public String revocationCode;
    @RestForm public String nationalId;
    @RestForm public String role;
    @RestForm public String reason;

    public static Form empty() {
        return new Form();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether {@code value} is among the ticked boxes of agent {@code index}'s domains (for the template). */
    public boolean agentHas(Object index, Object value) {
        return ("0".equals(String.valueOf(index)) ? agent0Domains : agent1Domains).contains(value);
    }
}
