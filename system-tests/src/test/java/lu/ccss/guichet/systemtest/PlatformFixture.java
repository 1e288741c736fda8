package lu.ccss.guichet.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.CodeLetters;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Json;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RealmUsers;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.client.Steps;
import lu.ccss.guichet.client.TestDocuments;
import lu.ccss.guichet.events.CheckDigits;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people and the things the authorization matrix and the fuzz suite aim at, made once through the API as the
 * people concerned would make them:
 * <ul>
 *   <li>an employer space, certified for the four domains (its administrator is the demo user {@code employer}),
 *       with the demo user {@code colleague} as a plain member and a pending invitation for nobody present;</li>
 *   <li>an agent space (administered by the demo user {@code agent}) holding the employer's agent mandate for
 *       AFFILIATIONS and REMUNERATIONS;</li>
 *   <li>eDelivery active for AFFILIATIONS, with one document in the employer space's inbox;</li>
 *   <li>a draft request in the employer space, and a second employer's letter in a print batch, not yet posted;</li>
 *   <li>a stranger: a signed-in user of the realm who belongs to none of these spaces.</li>
 * </ul>
 */
public final class PlatformFixture {

    public static final String USED_DOMAIN = "AFFILIATIONS";

    public final Guichet administrator;
    public final Guichet member;
    public final Guichet agent;
    public final Guichet stranger;
    public final Guichet operator;
    public final Guichet printProvider;
    public final Guichet domainSystem;
    public final Guichet anonymous;

    public final String employerNumber;
    public final String agentNumber;
    public final UUID employerSpace;
    public final UUID agentSpace;
    /** The transmitted and certified request of the employer space. */
    public final UUID request;
    public final UUID draft;
    /** The employer's holder mandate for AFFILIATIONS, and the agent's mandate for REMUNERATIONS. */
    public final UUID holderMandate;
    public final UUID agentMandate;
    /** The agent's mandate for AFFILIATIONS: the one a suite may withdraw. */
    public final UUID withdrawableMandate;
    public final String memberUserId;
    public final UUID invitation;
    public final UUID document;
    /** A letter in {@link #batch}, not yet posted (the second employer's). */
    public final UUID batchedLetter;
    public final UUID batch;
    public final String batchedEmployerNumber;
    /** The holder access code already used for AFFILIATIONS: a well-formed code that answers 409, never a failure. */
    public final String usedAccessCode;
    public final String securityCode;

    private PlatformFixture(Builder b) {
        administrator = b.administrator;
        member = b.member;
        agent = b.agent;
        stranger = b.stranger;
        operator = b.operator;
        printProvider = b.printProvider;
        domainSystem = b.domainSystem;
        anonymous = b.administrator.anonymous();
        employerNumber = b.form.employer().registrationNumber();
        agentNumber = b.form.agents().get(0).registrationNumber();
        employerSpace = b.employerSpace;
        agentSpace = b.agentSpace;
        request = b.request;
        draft = b.draft;
        holderMandate = b.holderMandate;
        agentMandate = b.agentMandate;
        withdrawableMandate = b.withdrawableMandate;
        memberUserId = b.memberUserId;
        invitation = b.invitation;
        document = b.document;
        batchedLetter = b.batchedLetter;
        batch = b.batch;
        batchedEmployerNumber = b.second.employer().registrationNumber();
        usedAccessCode = b.usedAccessCode;
        securityCode = b.form.securityCode();
    }

    static PlatformFixture create(SharedPlatform shared) {
        return new Builder(shared).build();
    }

    /** The colleague's national number in the demo realm (an invitation names the person by it). */
    public static String colleagueNationalId() {
        return "1985061554338";
    }

    /** A national number that belongs to nobody in the realm. */
    public static String nobodysNationalId() {
        return CheckDigits.nationalNumber("19700101000");
    }

    private static final class Builder {
        private final SharedPlatform shared;
        private final Guichet administrator;
        private final Guichet member;
        private final Guichet agent;
        private final Guichet stranger;
        private final Guichet operator;
        private final Guichet printProvider;
        private final Guichet domainSystem;
        private final PrintProvider printer;
        private final RequestForm form;
        private final RequestForm second = RequestForm.withoutAgents();
        private UUID employerSpace;
        private UUID agentSpace;
        private UUID request;
        private UUID draft;
        private UUID holderMandate;
        private UUID agentMandate;
        private UUID withdrawableMandate;
        private String memberUserId;
        private UUID invitation;
        private UUID document;
        private UUID batchedLetter;
        private UUID batch;
        private String usedAccessCode;

        Builder(SharedPlatform shared) {
            this.shared = shared;
            administrator = shared.user("employer");
            member = shared.user("colleague");
            agent = shared.user("agent");
            operator = shared.user("operator");
            printProvider = shared.printProviderApi();
            domainSystem = shared.domainSystem();
            printer = shared.printProvider();
            String strangerName = new RealmUsers(shared.config(), shared.http(), "stranger").create(1).get(0);
            stranger = Guichet.user(shared.platform(), shared.http(), shared.keycloak(), strangerName,
                    RealmUsers.PASSWORD);
            RequestForm.Agent fiduciary = new RequestForm.Agent(RequestForm.newRegistrationNumber(),
                    "Fiduciaire Matrix", new RequestForm.Address("Rue de l'Alzette", "45", "L-4011",
                    "Esch-sur-Alzette", "LU"), "mandats@fiduciaire-matrix.lu", List.of("AFFILIATIONS",
                    "REMUNERATIONS"));
            form = new RequestForm(RequestForm.defaultFiler(), RequestForm.newEmployer(), List.of(fiduciary),
                    RequestForm.newSecurityCode());
            shared.register().register(List.of(form, second));
        }

        PlatformFixture build() {
            employerSpace = Steps.createSpace(administrator, "Matrix employer");
            Steps.awaitSpaceKnownToCertification(administrator, employerSpace);
            request = transmit(employerSpace, form);
            List<JsonNode> letters = Steps.awaitLetters(operator, request, 2);
            JsonNode toEmployer = letters.stream().filter(l -> "CODES_EMPLOYER".equals(l.get("kind").asText()))
                    .findFirst().orElseThrow();
            JsonNode toAgent = letters.stream().filter(l -> "CODES_AGENT".equals(l.get("kind").asText()))
                    .findFirst().orElseThrow();
            Steps.printBatch(operator, request, letters.stream().map(Steps::id).toList());
            CodeLetters.EmployerLetter employerLetter = CodeLetters.employerLetter(
                    printer.printedLetter(Steps.id(toEmployer)));
            CodeLetters.AgentLetter agentLetter = CodeLetters.agentLetter(printer.printedLetter(Steps.id(toAgent)));
            letters.forEach(l -> operator.letterPosted(Steps.id(l)).expect(200));
            Steps.awaitCodesUsable(operator, form.employer().registrationNumber(), letters.stream()
                    .map(l -> UUID.fromString(l.get("codeLetterId").asText())).toList());

            for (CodeLetters.Domain d : CodeLetters.Domain.values()) {
                UUID mandate = administrator.certify(employerSpace, d.name(), "HOLDER",
                        employerLetter.holderAccessCodes().get(d), form.securityCode()).expect(201).locationId();
                if (d.name().equals(USED_DOMAIN)) {
                    holderMandate = mandate;
                    usedAccessCode = employerLetter.holderAccessCodes().get(d);
                }
            }
            certifyTheAgent(employerLetter, agentLetter);
            deliverADocument();
            joinTheColleague();
            invitation = administrator.invite(employerSpace, "Nobody Here", "nobody@guichet.test",
                    nobodysNationalId(), "MEMBER").expect(201).locationId();
            draft = administrator.openRequest(employerSpace).expect(201).locationId();
            batchTheSecondEmployersLetter();
            return new PlatformFixture(this);
        }

        private UUID transmit(UUID space, RequestForm filed) {
            UUID id = administrator.openRequest(space).expect(201).locationId();
            Steps.fillIn(administrator, id, filed);
            administrator.confirm(id).expect(200);
            administrator.requestDocument(id).expect(200);
            administrator.sign(id).expect(200);
            administrator.transmit(id).expect(200);
            return id;
        }

        private void certifyTheAgent(CodeLetters.EmployerLetter employerLetter, CodeLetters.AgentLetter agentLetter) {
            agentSpace = Steps.createSpace(agent, "Matrix agent");
            Poll.until("the mandate-service to know space " + agentSpace, Steps.EVENT_TIMEOUT, () -> {
                Response r = agent.certifications(agentSpace);
                return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
            });
            String agentNumber = form.agents().get(0).registrationNumber();
            String securityCode = employerLetter.agentSecurityCodes().get(agentNumber);
            for (String domain : form.agents().get(0).domains()) {
                UUID mandate = agent.certify(agentSpace, domain, "AGENT",
                        agentLetter.agentAccessCodes().get(CodeLetters.Domain.valueOf(domain)), securityCode)
                        .expect(201).locationId();
                if ("REMUNERATIONS".equals(domain)) {
                    agentMandate = mandate;
                } else {
                    withdrawableMandate = mandate;
                }
            }
        }

        private void deliverADocument() {
            String employer = form.employer().registrationNumber();
            Steps.reportDomainUse(domainSystem, employerSpace, employer, USED_DOMAIN);
            Steps.awaitEDeliveryActive(administrator, employerSpace, employer, USED_DOMAIN);
            document = UUID.randomUUID();
            domainSystem.sendDocument(document, employerSpace, employer, USED_DOMAIN, "Contribution statement",
                    TestDocuments.pdf("Contribution statement", "Matrix")).expect(202);
            Poll.until("the document in the inbox", Steps.EVENT_TIMEOUT, () -> {
                Response r = administrator.downloadDocument(employerSpace, document);
                return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
            });
        }

        private void joinTheColleague() {
            UUID invited = administrator.invite(employerSpace, "Luc Weber", "colleague@guichet.local",
                    colleagueNationalId(), "MEMBER").expect(201).locationId();
            member.acceptInvitation(invited).expect(200);
            memberUserId = Keycloak.claims(shared.keycloak().user("colleague")).get("sub").asText();
            Poll.until("the mandate-service to know the colleague's membership", Steps.EVENT_TIMEOUT, () -> {
                Response r = member.certifications(employerSpace);
                return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
            });
        }

        private void batchTheSecondEmployersLetter() {
            UUID space = Steps.createSpace(administrator, "Matrix second employer");
            Steps.awaitSpaceKnownToCertification(administrator, space);
            UUID filed = transmit(space, second);
            JsonNode letter = Steps.awaitLetters(operator, filed, 1).get(0);
            batchedLetter = Steps.id(letter);
            Steps.printBatch(operator, filed, List.of(batchedLetter));
            JsonNode batches = operator.send("GET /api/print-batches", Http.get(URI.create(
                    shared.platform().mailing() + "/api/print-batches"))).expect(200).json();
            batch = UUID.fromString(Json.list(batches).get(0).get("batchId").asText());
        }
    }

    /** Every principal of the matrix, by its column name, in the columns' order. */
    public Map<String, Guichet> principals() {
        Map<String, Guichet> all = new LinkedHashMap<>();
        all.put("anonymous", anonymous);
        all.put("stranger", stranger);
        all.put("member", member);
        all.put("administrator", administrator);
        all.put("agent space", agent);
        all.put("operator", operator);
        all.put("print provider", printProvider);
        all.put("domain system", domainSystem);
        return all;
    }
}
