package lu.ccss.guichet.certification.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.platform.validation.Text;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.ValidEmail;
import lu.ccss.guichet.platform.validation.ValidLanguage;
import lu.ccss.guichet.platform.validation.ValidPhone;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the certification request API: opening a draft and saving each step. Their annotations hold the
 * shape rules of every field; the rules that need the request's state stay in the domain.
 */
public final class StepRequests {

    static final String REQUIRED = "is required";

    @Schema(name = "OpenRequest")
    public record OpenRequest(
            @Schema(description = "The professional space that files the request; the caller must be a member",
                    required = true) @NotNull(message = REQUIRED) UUID spaceId) {
    }

    @Schema(name = "AcknowledgementStep", description = "Steps information and warning: the note was read")
    public record Acknowledgement(
            @Schema(description = "Must be true", required = true, example = "true")
            @NotNull(message = NOT_ACKNOWLEDGED) @AssertTrue(message = NOT_ACKNOWLEDGED) Boolean acknowledged) {

        static final String NOT_ACKNOWLEDGED = "must be true: read the note and acknowledge it";
    }

    @Schema(name = "FilerStep", description = "Step filer: the person filling in the request (déposant)")
    public record Filer(
            @Schema(description = "1 to 100 characters after trimming", required = true, example = "Schmit")
            @Text(max = FilerDetails.NAME_MAX) String lastName,
            @Schema(description = "1 to 100 characters after trimming", required = true, example = "Claire")
            @Text(max = FilerDetails.NAME_MAX) String firstName,
            @Schema(description = "A valid e-mail address, at most 254 characters", required = true,
                    example = "claire.schmit@boulangerie-schmit.lu") @ValidEmail String email,
            @Schema(description = "International form: + then 8 to 15 digits, the first not 0; spaces allowed and "
                    + "removed", required = true, example = "+352 621 123 456") @ValidPhone String phone) {

        FilerDetails details() {
            return FilerDetails.of(lastName, firstName, email, phone);
        }
    }

    @Schema(name = "EmployerStep", description = "Step employer: the employer the space is to be certified for. Its "
            + "legal name and postal address are not typed: they are the CCSS employer register's, where its code "
            + "letters go. A legalName or address sent with the body is ignored.")
    public record Employer(
            @Schema(description = "CCSS registration number (matricule), spaces allowed: 13 digits whose 12th "
                    + "(Luhn) and 13th (Verhoeff) check digits match the first 11, or 11 digits starting with a "
                    + "year from 1800 to the current year. It must be an active employer of the CCSS employer "
                    + "register (not ceased, not a professional agent)", required = true, example = "1980010112302")
            @ValidRegistrationNumber String registrationNumber,
            @Schema(description = "Correspondence language of the request document and the letters: fr, de or en",
                    required = true, example = "fr")
            @ValidLanguage String language) {

        /** The registration number without spaces. */
        String number() {
            return RegistrationNumber.normalise(registrationNumber.strip());
        }

        Language correspondenceLanguage() {
            return Language.parse(language).orElseThrow();
        }
    }

    @Schema(name = "Agent", description = "An agent (mandataire: accountant, fiduciary, payroll firm). Its name and "
            + "postal address are not typed: they are the CCSS employer register's, where its code letters go. A "
            + "name or address sent with the body is ignored.")
    public record Agent(
            @Schema(description = "The agent's registration number, same rules as the employer's; never the "
                    + "employer's own. It must be an active professional agent of the CCSS employer register (not "
                    + "ceased, not an employer)", required = true, example = "19750615004")
            @ValidRegistrationNumber String registrationNumber,
            @Schema(description = "A valid e-mail address, at most 254 characters", required = true,
                    example = "mandats@fiduciaire-weber.lu") @ValidEmail String email,
            @Schema(description = "At least one of AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA, BILLING, each once; "
                    + "a domain has at most one agent in a request", required = true,
                    example = "[\"AFFILIATIONS\", \"REMUNERATIONS\"]")
            @NotEmpty(message = "must name at least one domain among " + Domain.NAMES)
            @Size(max = 4, message = "must name at most the four domains " + Domain.NAMES)
            List<@ValidDomain String> domains,
            @Schema(description = "Optional: the day the agent's mandates end: they expire as it starts in Luxembourg (ISO date "
                    + "yyyy-MM-dd), after today "
                    + "(Europe/Luxembourg) and at most {guichet.certification.agent-mandate-max-years} years ahead. "
                    + "Without it the mandate has no end date", example = "2028-12-31", format = "date")
            LocalDate mandateEndsOn) {

        AgentDetails.Input input() {
            return new AgentDetails.Input(registrationNumber, email, domains, mandateEndsOn);
        }
    }

    @Schema(name = "AgentsStep", description = "Step agents: zero to four agents")
    public record Agents(
            @Schema(description = "Does one agent serve all chosen domains? When true, exactly one agent is listed",
                    required = true)
            @NotNull(message = "is required: answer whether one agent serves all chosen domains")
            Boolean oneAgentForAllDomains,
            @Schema(description = "The agents, possibly none; at most four, since a domain has at most one agent")
            @Size(max = AgentsChoice.MAX_AGENTS, message = "must list at most " + AgentsChoice.MAX_AGENTS
                    + " agents: a domain has at most one agent")
            List<@NotNull(message = REQUIRED) @Valid Agent> agents) {

        List<AgentDetails.Input> inputs() {
            return agents == null ? List.of() : agents.stream().map(Agent::input).toList();
        }
    }

    @Schema(name = "SecurityCodeStep", description = "Step security-code: the holder's security code, typed twice. "
            + "It is never stored, returned or logged: only its Argon2id hash is kept.")
    @ValidSecurityCode
    public record SecurityCode(
            @Schema(description = ValidSecurityCode.DESCRIPTION, required = true, writeOnly = true,
                    format = "password") String code,
            @Schema(description = "The same code, typed a second time", required = true, writeOnly = true,
                    format = "password") String confirmation) {

        @Override
        public String toString() {
            return "SecurityCode[code=<hidden>, confirmation=<hidden>]";
        }
    }

    private StepRequests() {
    }
}
