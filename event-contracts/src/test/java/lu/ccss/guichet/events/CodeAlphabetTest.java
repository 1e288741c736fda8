package lu.ccss.guichet.events;

import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeAlphabetTest {

    private static final int SAMPLE_CODES = 2_000;

    @Test
    void hasExactly32DistinctSymbolsWithoutLookAlikes() {
        assertEquals(32, CodeAlphabet.SYMBOLS.length());
        assertEquals(32, CodeAlphabet.SYMBOLS.chars().distinct().count());
        for (char lookAlike : "0O1IL".toCharArray()) {
            assertFalse(CodeAlphabet.isSymbol(lookAlike), "look-alike " + lookAlike);
        }
        assertFalse(CodeAlphabet.isSymbol('-'), "the group separator is not a symbol");
        assertFalse(CodeAlphabet.isSymbol('a'), "codes are upper case; input is normalised before");
    }

    @Test
    void checkCharacterCatchesEverySingleSubstitutionOfSampledCodes() {
        for (CodeFormat format : CodeFormat.values()) {
            for (int n = 0; n < SAMPLE_CODES; n++) {
                String code = format.generate();
                assertTrue(CodeAlphabet.hasValidCheck(code));
                char[] chars = code.toCharArray();
                for (int i = 0; i < chars.length; i++) {
                    char original = chars[i];
                    for (char other : CodeAlphabet.SYMBOLS.toCharArray()) {
                        if (other == original) {
                            continue;
                        }
                        chars[i] = other;
                        assertFalse(CodeAlphabet.hasValidCheck(new String(chars)),
                                "substitution at " + i + " undetected");
                    }
                    chars[i] = original;
                }
            }
        }
    }

    @Test
    void checkCharacterCatchesEveryTranspositionOfSampledCodes() {
        for (CodeFormat format : CodeFormat.values()) {
            for (int n = 0; n < SAMPLE_CODES; n++) {
                char[] chars = format.generate().toCharArray();
                // every pair of positions, so adjacent swaps and jump transpositions alike
                for (int i = 0; i < chars.length; i++) {
                    for (int j = i + 1; j < chars.length; j++) {
                        if (chars[i] == chars[j]) {
                            continue;
                        }
                        swap(chars, i, j);
                        assertFalse(CodeAlphabet.hasValidCheck(new String(chars)),
                                "swap of " + i + " and " + j + " undetected");
                        swap(chars, i, j);
                    }
                }
            }
        }
    }

    /**
     * The exhaustive argument behind the samples: whatever the running sum c before two neighbours x ≠ y, reading
     * "x y" and "y x" ends in different sums, and so does changing one symbol (each step is a bijection in both the
     * sum and the symbol). Checked for all 32³ cases.
     */
    @Test
    void everyAdjacentSwapAndSingleChangeGivesADifferentSumExhaustively() {
        for (int c = 0; c < 32; c++) {
            Set<Integer> bySymbol = new HashSet<>();
            for (int x = 0; x < 32; x++) {
                bySymbol.add(step(c, x));
                for (int y = 0; y < 32; y++) {
                    if (x != y) {
                        assertNotEquals(step(step(c, x), y), step(step(c, y), x), "c=" + c + " x=" + x + " y=" + y);
                    }
                }
            }
            assertEquals(32, bySymbol.size(), "each symbol gives its own sum after c=" + c);
        }
        Set<Integer> bySum = new HashSet<>();
        for (int c = 0; c < 32; c++) {
            bySum.add(step(c, 7));
        }
        assertEquals(32, bySum.size(), "each previous sum gives its own next sum");
    }

    @Test
    void readsWhatPeopleTypeIgnoringCaseSpacesAndDashes() {
        String code = CodeFormat.ACCESS.generate();
        String printed = CodeAlphabet.print(code);
        assertEquals(14, printed.length());
        assertEquals('-', printed.charAt(4));
        assertEquals('-', printed.charAt(9));
        assertEquals(Optional.empty(), CodeFormat.ACCESS.problemWith(printed));
        assertEquals(code, CodeFormat.normalise(printed));
        String typed = " " + printed.toLowerCase().replace("-", " – ") + "\t";
        assertEquals(Optional.empty(), CodeFormat.ACCESS.problemWith(typed));
        assertEquals(code, CodeFormat.normalise(typed));
        assertEquals(Optional.of(CodeFormat.ACCESS), CodeFormat.of(printed));
        String security = CodeFormat.AGENT_SECURITY.generate();
        assertEquals(8, security.length());
        assertEquals(Optional.of(CodeFormat.AGENT_SECURITY), CodeFormat.of(CodeAlphabet.print(security)));
    }

    @Test
    void aMistypedCodeIsRefusedWithoutEchoingIt() {
        String code = CodeFormat.ACCESS.generate();
        char[] typo = code.toCharArray();
        typo[3] = typo[3] == 'A' ? 'B' : 'A';
        String problem = CodeFormat.ACCESS.problemWith(new String(typo)).orElseThrow();
        assertTrue(problem.contains("typing error"), problem);
        assertFalse(problem.contains(new String(typo)));
        assertTrue(CodeFormat.ACCESS.problemWith("0000-0000-0000").isPresent());
        assertTrue(CodeFormat.ACCESS.problemWith(code.substring(1)).isPresent());
        assertTrue(CodeFormat.ACCESS.problemWith(" - ").isPresent());
        assertEquals(Optional.empty(), CodeFormat.of(new String(typo)));
    }

    @Test
    void generatedCodesUseTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int n = 0; n < 1_000; n++) {
            for (char c : CodeFormat.ACCESS.generate().toCharArray()) {
                seen.add(c);
            }
        }
        assertEquals(32, seen.size());
        Set<String> distinct = new HashSet<>();
        for (int n = 0; n < 10_000; n++) {
            distinct.add(CodeFormat.ACCESS.generate());
        }
        assertEquals(10_000, distinct.size());
    }

    private static int step(int sum, int symbol) {
        return CodeAlphabet.timesAlpha(sum) ^ symbol;
    }

    private static void swap(char[] chars, int i, int j) {
        char t = chars[i];
        chars[i] = chars[j];
        chars[j] = t;
    }
}
