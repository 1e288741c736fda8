package lu.ccss.guichet.certification.rest;

import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.SecurityCodeRules;
import lu.ccss.guichet.events.PostalAddress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Request bodies of the certification request API: opening a draft and saving each step. */
public final class StepRequests {

    @Schema(name = "OpenRequest")
    public record OpenRequest(
            @Schema(description = "The professional space that files the request; the caller must be a member",
                    required = true) UUID spaceId) {
    }

    @Schema(name = "AcknowledgementStep", description = "Steps information and warning: the note was read")
    public record Acknowledgement(
            @Schema(description = "Must be true", required = true, example = "true") Boolean acknowledged) {
    }

    @Schema(name = "FilerStep", description = "Step filer: the person filling in the request (déposant)")
    public record Filer(
            @Schema(description = "1 to 100 characters after trimming", required = true, example = "Schmit")
            String lastName,
            @Schema(description = "1 to 100 characters after trimming", required = true, example = "Claire")
            String firstName,
            @Schema(description = "A valid e-mail address, at most 254 characters", required = true,
                    example = "claire.schmit@boulangerie-schmit.lu") String email,
            @Schema(description = "International form: + then 8 to 15 digits, the first not 0; spaces allowed and "
                    + "removed", required = true, example = "+352 621 123 456") String phone) {
    }

    @Schema(name = "Address", description = "A postal address the post can deliver a code letter to")
    public record Address(
            @Schema(description = "1 to 100 characters", required = true, example = "Avenue de la Liberté")
            String street,
            @Schema(description = "House number with any suffix, 1 to 16 characters", required = true,
                    example = "23") String number,
            @Schema(description = "Luxembourg (country LU): four digits with or without L-, kept as L-1234. "
                    + "Elsewhere: 2 to 10 letters or digits, single spaces or hyphens between them",
                    required = true, example = "L-1931") String postcode,
            @Schema(description = "1 to 100 characters", required = true, example = "Luxembourg") String locality,
            @Schema(description = "ISO 3166-1 alpha-2 country code", required = true, example = "LU")
            String country) {

        PostalAddress raw() {
            return new PostalAddress(street, number, postcode, locality, country);
        }
    }

    @Schema(name = "EmployerStep", description = "Step employer: the employer the space is to be certified for")
    public record Employer(
            @Schema(description = "CCSS registration number (matricule), spaces allowed: 13 digits whose 12th "
                    + "(Luhn) and 13th (Verhoeff) check digits match the first 11, or 11 digits starting with a "
                    + "year from 1800 to the current year", required = true, example = "1980010112302")
            String registrationNumber,
            @Schema(description = "1 to 200 characters", required = true,
                    example = "Boulangerie-Pâtisserie Schmit S.à r.l.") String legalName,
            @Schema(required = true) Address address,
            @Schema(description = "Correspondence language: fr, de or en", required = true, example = "fr")
            String language) {

        static PostalAddress raw(Address address) {
            return address == null ? null : address.raw();
        }
    }

    @Schema(name = "Agent", description = "An agent (mandataire: accountant, fiduciary, payroll firm)")
    public record Agent(
            @Schema(description = "The agent's registration number, same rules as the employer's; never the "
                    + "employer's own", required = true, example = "19750615004") String registrationNumber,
            @Schema(description = "1 to 200 characters", required = true, example = "Fiduciaire Weber & Associés")
            String name,
            @Schema(required = true) Address address,
            @Schema(description = "A valid e-mail address", required = true, example = "mandats@fiduciaire-weber.lu")
            String email,
            @Schema(description = "At least one of AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA, BILLING; a domain "
                    + "has at most one agent in a request", required = true,
                    example = "[\"AFFILIATIONS\", \"REMUNERATIONS\"]") List<String> domains) {

        AgentDetails.Input input() {
            return new AgentDetails.Input(registrationNumber, name, address == null ? null : address.raw(), email,
                    domains);
        }
    }

    @Schema(name = "AgentsStep", description = "Step agents: zero to four agents")
    public record Agents(
            @Schema(description = "Does one agent serve all chosen domains? When true, exactly one agent is listed",
                    required = true) Boolean oneAgentForAllDomains,
            @Schema(description = "The agents, possibly none") List<Agent> agents) {

        List<AgentDetails.Input> inputs() {
            return agents == null ? List.of() : agents.stream().map(a -> a == null ? null : a.input()).toList();
        }
    }

    @Schema(name = "SecurityCodeStep", description = "Step security-code: the holder's security code, typed twice. "
            + "It is never stored, returned or logged: only its Argon2id hash is kept.")
    public record SecurityCode(
            @Schema(description = SecurityCodeRules.DESCRIPTION, required = true, writeOnly = true,
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
