package lu.ccss.guichet.certification.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.events.Domain;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field rules the step requests' annotations hold, and how the domain keeps what they accepted. */
class FieldRulesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static List<String> fields(Object body) {
        return VALIDATOR.validate(body).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
    }

    private static Set<ConstraintViolation<Object>> violations(Object body) {
        return VALIDATOR.validate(body);
    }

    private static StepRequests.Filer filer(String lastName, String email, String phone) {
        return new StepRequests.Filer(lastName, "Claire", email, phone);
    }

    @ParameterizedTest
    @CsvSource({"+352 621 123 456,+352621123456", "+49 30 1234567,+49301234567", "+352 4711 00,+352471100",
            "' +1 202 555 0143 ',+12025550143"})
    void normalisesPhoneNumbersInInternationalForm(String typed, String kept) {
        StepRequests.Filer filer = filer("Schmit", "claire@example.lu", typed);
        assertEquals(List.of(), fields(filer));
        assertEquals(kept, filer.details().phone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"621 123 456", "00352621123456", "+0352621123", "+352", "+352 4711", "+1234567890123456",
            "+352-621-123-456", "+352 621 12a 456", "++352621123456"})
    void refusesPhoneNumbersNotInInternationalForm(String typed) {
        assertEquals(List.of("phone"), fields(filer("Schmit", "claire@example.lu", typed)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claire.schmit@boulangerie-schmit.lu", "a+b@example.co.uk", "x_y@sub.domain.lu",
            "o'neil@example.ie", " claire@example.lu "})
    void acceptsSaneEmailAddresses(String email) {
        assertEquals(List.of(), fields(filer("Schmit", email, "+352 621 123 456")), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.lu", "a@", "a@b", "a@@b.lu", "a@b.l", "a b@c.lu", "a..b@c.lu",
            ".a@c.lu", "a.@c.lu", "a@-b.lu", "a@b-.lu", "a@b..lu", "a@b.1u", "a@b.lu.", "é@b.lu", " "})
    void refusesMalformedEmailAddresses(String email) {
        assertEquals(List.of("email"), fields(filer("Schmit", email, "+352 621 123 456")), email);
    }

    @Test
    void refusesTooLongEmailAddresses() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".lu";
        assertTrue(email.length() > 254);
        assertEquals(List.of("email"), fields(filer("Schmit", email, "+352 621 123 456")));
    }

    @Test
    void theEmployerStepNamesEveryBrokenField() {
        assertEquals(List.of(), fields(new StepRequests.Employer("1980 0101 123 02", "DE")));
        assertEquals("1980010112302", new StepRequests.Employer("1980 0101 123 02", "DE").number());
        assertEquals(List.of("language", "registrationNumber"), fields(new StepRequests.Employer(null, null)));
        assertEquals(List.of("language", "registrationNumber"),
                fields(new StepRequests.Employer("1980010112303", "it")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "ABCDEFGHIJ", "123456", "a-b_c.d!", "?@#$%&*+=x"})
    void acceptsSecurityCodesFromTheDocumentedSet(String code) {
        assertEquals(List.of(), fields(new StepRequests.SecurityCode(code, code)), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcde", "ABCDEFGHIJK", "abc def", "abcdéf", "abc/def", "abc\"def", "abc'def",
            "abc<def>", "abc^def"})
    void refusesSecurityCodesOutsideTheRules(String code) {
        Set<ConstraintViolation<Object>> violations = violations(new StepRequests.SecurityCode(code, code));
        assertEquals(1, violations.size(), code);
        ConstraintViolation<Object> violation = violations.iterator().next();
        assertEquals("code", violation.getPropertyPath().toString());
        assertFalse(violation.getMessage().contains(code), "the error never quotes the code");
    }

    @Test
    void theSecurityCodeMessageNamesTheAllowedSymbolsLiterally() {
        ConstraintViolation<Object> violation = violations(new StepRequests.SecurityCode("abc<def>", "abc<def>"))
                .iterator().next();
        assertEquals("may only contain the letters A-Z and a-z, the digits 0-9 and -_.!?@#$%&*+=",
                violation.getMessage());
    }

    @Test
    void aSecurityCodeMustBeTypedTwiceAlike() {
        Set<ConstraintViolation<Object>> violations = violations(new StepRequests.SecurityCode("Secret-1", "Secret-2"));
        assertEquals(1, violations.size());
        ConstraintViolation<Object> violation = violations.iterator().next();
        assertEquals("confirmation", violation.getPropertyPath().toString());
        assertEquals("does not match the code", violation.getMessage());
        assertEquals(List.of("confirmation"), fields(new StepRequests.SecurityCode("Secret-1", null)));
        assertEquals(List.of("code", "confirmation"), fields(new StepRequests.SecurityCode(null, null)));
    }

    @Test
    void textFieldsAreTrimmedBoundedAndFreeOfControlCharacters() {
        StepRequests.Filer trimmed = filer("  Schmit ", "claire@example.lu", "+352 621 123 456");
        assertEquals(List.of(), fields(trimmed));
        assertEquals("Schmit", trimmed.details().lastName());
        assertEquals(List.of(), fields(filer("x".repeat(100), "claire@example.lu", "+352 621 123 456")));
        for (String typed : Arrays.asList("x".repeat(101), "Sch\u0000mit", "   ", null)) {
            assertEquals(List.of("lastName"), fields(filer(typed, "claire@example.lu", "+352 621 123 456")));
        }
    }

    @Test
    void agentsNameEveryBrokenFieldByItsPath() {
        StepRequests.Agent agent = new StepRequests.Agent("1975061500480", "nope",
                Arrays.asList("BILLING", "PAYROLL", null), null);
        assertEquals(List.of("agents[0].domains[1].<list element>", "agents[0].domains[2].<list element>",
                        "agents[0].email", "agents[0].registrationNumber", "oneAgentForAllDomains"),
                fields(new StepRequests.Agents(null, List.of(agent))));
        assertEquals(List.of("agents[0].domains"),
                fields(new StepRequests.Agents(false, List.of(new StepRequests.Agent("19750615004", "a@weber.lu",
                        List.of(), LocalDate.of(2027, 1, 31))))));
    }

    @Test
    void atMostOneAgentPerDomain() {
        assertEquals(Domain.values().length, AgentsChoice.MAX_AGENTS);
    }
}
