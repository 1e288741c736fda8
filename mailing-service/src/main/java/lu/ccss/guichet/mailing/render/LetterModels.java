package lu.ccss.guichet.mailing.render;

import io.quarkus.qute.TemplateData;
import lu.ccss.guichet.events.Domain;

import java.util.List;

/** What the letter templates print. Every text here is data; the wording lives in the templates. */
public final class LetterModels {

    /** The parts every letter shares: recipient, address, reference, date. */
    @TemplateData
    public record Header(String letterId, String recipientName, AddressLines address, String reference,
                         String employer, String date) {
    }

    /**
     * A recipient's address as printed: {@code numberFirst} for countries writing « 23, avenue … » (Luxembourg,
     * France); {@code countryName} (in the letter's language, upper case) is printed only when {@code abroad}.
     */
    @TemplateData
    public record AddressLines(String street, String number, String postcode, String locality, boolean numberFirst,
                               boolean abroad, String countryName) {
    }

    /** The employer's letter: holder codes per domain and each agent's security code. */
    @TemplateData
    public record EmployerCodes(List<HolderCodes> domains, List<AgentSecurityCode> agents) {

        /** The same letter for an operator: every code masked, nothing else changed. */
        public EmployerCodes masked() {
            return new EmployerCodes(
                    domains.stream().map(d -> new HolderCodes(d.domain(), mask(d.accessCode()),
                            mask(d.revocationCode()))).toList(),
                    agents.stream().map(a -> new AgentSecurityCode(a.agentName(), a.agentRegistrationNumber(),
                            mask(a.code()))).toList());
        }
    }

    @TemplateData
    public record HolderCodes(Domain domain, String accessCode, String revocationCode) {
    }

    @TemplateData
    public record AgentSecurityCode(String agentName, String agentRegistrationNumber, String code) {
    }

    /** An agent's letter: its access code per domain; its security code comes from the employer. */
    @TemplateData
    public record AgentCodes(String employerName, List<AgentAccessCode> codes) {

        /** The same letter for an operator: every code masked, nothing else changed. */
        public AgentCodes masked() {
            return new AgentCodes(employerName, codes.stream()
                    .map(c -> new AgentAccessCode(c.domain(), mask(c.code()))).toList());
        }
    }

    @TemplateData
    public record AgentAccessCode(Domain domain, String code) {
    }

    /** The cover page of a document sent by post. */
    @TemplateData
    public record DocumentCover(Domain domain, String title, int documentPages) {
    }

    /**
     * A holder notice: the holder certification of {@code spaceId} for {@code domain} ended on {@code endedOn}
     * because it was {@code replaced} by another space's ({@code successorSpaceId}) or revoked with the revocation
     * code. Never any code.
     */
    @TemplateData
    public record HolderNotice(Domain domain, String spaceId, String endedOn, boolean replaced,
                               String successorSpaceId) {
    }

    private LetterModels() {
    }

    /** The character every symbol of a code becomes in an operator's view. */
    public static final char MASK = 'X';

    /**
     * A printed code with each symbol replaced by {@link #MASK} and the group separators kept ({@code ABCD-EFGH-JK2M}
     * becomes {@code XXXX-XXXX-XXXX}): the letter keeps its layout, the code is gone. Null stays null.
     */
    public static String mask(String printed) {
        if (printed == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(printed.length());
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            masked.append(Character.isLetterOrDigit(c) || c == '*' ? MASK : c);
        }
        return masked.toString();
    }
}
