package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.platform.errors.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldRulesTest {

    @ParameterizedTest
    @CsvSource({"+352 621 123 456,+352621123456", "+49 30 1234567,+49301234567", "+352 4711 00,+352471100",
            "' +1 202 555 0143 ',+12025550143"})
    void normalisesPhoneNumbersInInternationalForm(String typed, String kept) {
        FieldErrors errors = new FieldErrors();
        assertEquals(kept, ContactRules.phone(errors, "phone", typed));
        assertTrue(errors.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"621 123 456", "00352621123456", "+0352621123", "+352", "+352 4711", "+1234567890123456",
            "+352-621-123-456", "+352 621 12a 456", "++352621123456"})
    void refusesPhoneNumbersNotInInternationalForm(String typed) {
        FieldErrors errors = new FieldErrors();
        assertNull(ContactRules.phone(errors, "phone", typed));
        assertFalse(errors.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"claire.schmit@boulangerie-schmit.lu", "a+b@example.co.uk", "x_y@sub.domain.lu",
            "o'neil@example.ie"})
    void acceptsSaneEmailAddresses(String email) {
        assertTrue(ContactRules.isEmail(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.lu", "a@", "a@b", "a@@b.lu", "a@b.l", "a b@c.lu", "a..b@c.lu",
            ".a@c.lu", "a.@c.lu", "a@-b.lu", "a@b-.lu", "a@b..lu", "a@b.1u", "a@b.lu.", "é@b.lu"})
    void refusesMalformedEmailAddresses(String email) {
        assertFalse(ContactRules.isEmail(email), email);
    }

    @ParameterizedTest
    @CsvSource({"1931,L-1931", "L-1931,L-1931", "l-1931,L-1931", "L1931,L-1931", "' 4011 ',L-4011"})
    void keepsALuxembourgPostcodeAsLDashFourDigits(String typed, String kept) {
        assertEquals(kept, AddressRules.postcode(new FieldErrors(), "postcode", typed, "LU"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"193", "19311", "L-193", "F-1931", "L--1931", "AB12"})
    void refusesOtherLuxembourgPostcodes(String typed) {
        FieldErrors errors = new FieldErrors();
        assertNull(AddressRules.postcode(errors, "postcode", typed, "LU"));
        assertEquals(1, errors.size());
    }

    @ParameterizedTest
    @CsvSource({"57000,FR,57000", "sw1a 1aa,GB,SW1A 1AA", "1234 AB,NL,1234 AB", "54290,DE,54290", "10,BE,10"})
    void acceptsForeignPostcodesOfTwoToTenAlphanumerics(String typed, String country, String kept) {
        assertEquals(kept, AddressRules.postcode(new FieldErrors(), "postcode", typed, country));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12345678901", "57 000 !", "AB--12", "-1234"})
    void refusesOtherForeignPostcodes(String typed) {
        FieldErrors errors = new FieldErrors();
        assertNull(AddressRules.postcode(errors, "postcode", typed, "FR"));
        assertEquals(1, errors.size());
    }

    @Test
    void namesEveryBrokenAddressField() {
        FieldErrors errors = new FieldErrors();
        PostalAddress address = AddressRules.address(errors, "address", " ", null, "1", "", "XX");
        assertNull(address);
        assertEquals(5, errors.size());
        DomainException problem = assertThrows(DomainException.class, () -> errors.throwIfAny("The step"));
        assertEquals(java.util.List.of("address.street", "address.number", "address.locality", "address.country",
                "address.postcode"), problem.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void countryCodesAreIsoAlpha2InAnyCase() {
        assertEquals("LU", AddressRules.country(new FieldErrors(), "country", "lu"));
        assertNull(AddressRules.country(new FieldErrors(), "country", "LUX"));
        assertNull(AddressRules.country(new FieldErrors(), "country", "XX"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "ABCDEFGHIJ", "123456", "a-b_c.d!", "?@#$%&*+=x"})
    void acceptsSecurityCodesFromTheDocumentedSet(String code) {
        FieldErrors errors = new FieldErrors();
        SecurityCodeRules.check(errors, code, code);
        assertTrue(errors.isEmpty(), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcde", "ABCDEFGHIJK", "abc def", "abcdéf", "abc/def", "abc\"def", "abc'def",
            "abc<def>", "abc^def"})
    void refusesSecurityCodesOutsideTheRules(String code) {
        FieldErrors errors = new FieldErrors();
        SecurityCodeRules.check(errors, code, code);
        assertEquals(1, errors.size(), code);
        DomainException problem = assertThrows(DomainException.class, () -> errors.throwIfAny("The step"));
        assertFalse(problem.getMessage().contains(code), "the error never quotes the code");
    }

    @Test
    void aSecurityCodeMustBeTypedTwiceAlike() {
        FieldErrors errors = new FieldErrors();
        SecurityCodeRules.check(errors, "Secret-1", "Secret-2");
        DomainException problem = assertThrows(DomainException.class, () -> errors.throwIfAny("The step"));
        assertEquals("confirmation", problem.errors().get(0).field());
        assertFalse(problem.getMessage().contains("Secret-"));
        FieldErrors missing = new FieldErrors();
        SecurityCodeRules.check(missing, "Secret-1", null);
        assertEquals(1, missing.size());
    }

    @Test
    void textFieldsAreTrimmedBoundedAndFreeOfControlCharacters() {
        FieldErrors errors = new FieldErrors();
        assertEquals("Schmit", errors.text("lastName", "  Schmit ", 100));
        assertEquals("x".repeat(100), errors.text("lastName", "x".repeat(100), 100));
        assertNull(errors.text("lastName", "x".repeat(101), 100));
        assertNull(errors.text("lastName", "Sch\u0000mit", 100));
        assertNull(errors.text("lastName", "   ", 100));
        assertEquals(3, errors.size());
    }
}
