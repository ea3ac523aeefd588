package dev.switchboard.hub.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns free text into matching terms: folds case and diacritics, splits on anything that is not
 * a letter or digit, drops stop words and applies a light English suffix stemmer.
 *
 * <p>Hand-written character loops instead of regular expressions keep a lookup allocation-light.
 */
public final class TextAnalyzer {

    // Stop words are compared after folding, so they are written without diacritics.
    private static final Set<String> STOP_WORDS = new HashSet<>(Arrays.asList(
            // English
            "a", "an", "the", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your",
            "yours", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that",
            "these", "those", "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had",
            "having", "do", "does", "did", "doing", "done", "will", "would", "shall", "should", "can",
            "could", "may", "might", "must", "of", "to", "in", "on", "at", "by", "for", "with", "about",
            "from", "into", "onto", "up", "down", "out", "off", "over", "under", "and", "or", "but", "if",
            "then", "so", "than", "too", "very", "just", "also", "not", "no", "nor", "what", "which", "who",
            "whom", "whose", "when", "where", "why", "how", "there", "here", "all", "any", "some", "much",
            "many", "more", "most", "other", "such", "own", "same", "only", "as", "please", "hi", "hello",
            "hey", "thanks", "thank", "help", "dont", "don", "cant", "im", "ive", "isn", "aren", "wasn",
            "weren", "doesn", "didn", "haven", "hasn", "won", "wouldn", "couldn", "shouldn", "want", "need", "like",
            "know", "tell", "get", "got", "still", "anyone", "anything", "something", "way", "now",
            // Polish
            "w", "z", "o", "na", "do", "sie", "nie", "jak", "jest", "sa", "co", "to", "ze", "czy", "mi",
            "mnie", "moj", "moje", "moja", "mojego", "swoj", "swoje", "swojego", "ktorej", "ktora", "ktory",
            "kiedy", "gdzie", "dlaczego", "prosze", "jestem", "moge", "mam", "ten", "ta", "tak", "od", "po",
            "przez", "dla", "za", "juz", "tez", "ale", "lub", "oraz", "jakie", "jaki", "jaka", "jakich",
            // French
            "le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "je", "tu", "il", "elle", "nous",
            "vous", "mon", "ma", "mes", "ce", "que", "qui", "quoi", "pour", "pas", "ne", "en", "au", "aux",
            "sur", "avec",
            // German
            "der", "die", "das", "ein", "eine", "und", "ist", "ich", "du", "sie", "wir", "mein", "meine",
            "nicht", "mit", "fur", "zu", "von", "auf", "den", "dem", "wie", "was", "wann", "wo"));

    private TextAnalyzer() {
    }

    /** The matching terms of {@code text}, in order, possibly with repeats. */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        String folded = fold(text);
        int start = -1;
        for (int i = 0, n = folded.length(); i <= n; i++) {
            boolean wordChar = i < n && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                addTerm(folded, start, i, terms);
                start = -1;
            }
        }
        return terms;
    }

    /**
     * Canonical form for exact comparisons such as topic names: folded, with every run of
     * non-alphanumeric characters collapsed to a single space and trimmed.
     */
    public static String canonical(String text) {
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** Lower-cases and removes diacritics, so "Zażółć" becomes "zazolc". */
    static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        if (ascii) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                }
            }
            return new String(chars);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            c = Character.toLowerCase(c);
            // Letters with a stroke or ligatures have no decomposition, so NFD leaves them alone.
            switch (c) {
                case 'ł' -> out.append('l');
                case 'ø' -> out.append('o');
                case 'đ', 'ð' -> out.append('d');
                case 'ı' -> out.append('i');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'þ' -> out.append("th");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void addTerm(String folded, int start, int end, List<String> terms) {
        if (end - start == 1 && !Character.isDigit(folded.charAt(start))) {
            return;
        }
        String word = folded.substring(start, end);
        if (STOP_WORDS.contains(word)) {
            return;
        }
        terms.add(stem(word));
    }

    /**
     * A deliberately light English stemmer: plural {@code -s/-es/-ies}, {@code -ing}, {@code -ed}
     * and a final silent {@code -e}, so "charge", "charges", "charged" and "charging" all become
     * "charg". Stems must keep a vowel, which protects words like "thing" or "red".
     */
    static String stem(String word) {
        if (word.equals("news") || word.equals("series")) {
            return word;
        }
        String w = word;
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 4 && w.endsWith("ing") && hasVowel(w, n - 3)) {
            return undouble(w.substring(0, n - 3));
        }
        if (n > 3 && w.endsWith("ed") && w.charAt(n - 3) != 'e' && hasVowel(w, n - 2)) {
            return undouble(w.substring(0, n - 2));
        }
        if (n > 3 && w.endsWith("es") && isSibilantBefore(w, n - 2)) {
            return w.substring(0, n - 2);
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
            n--;
        }
        if (n >= 3 && w.charAt(n - 1) == 'e' && w.charAt(n - 2) != 'e' && hasVowel(w, n - 1)) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isSibilantBefore(String w, int end) {
        char last = w.charAt(end - 1);
        if (last == 's' || last == 'x' || last == 'z') {
            return true;
        }
        return end >= 2 && last == 'h' && (w.charAt(end - 2) == 'c' || w.charAt(end - 2) == 's');
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            switch (w.charAt(i)) {
                case 'a', 'e', 'i', 'o', 'u', 'y' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    // "stopped" -> "stopp" -> "stop", but "billing" -> "bill" and "missed" -> "miss" keep their pair.
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2)) {
            char c = stem.charAt(n - 1);
            if (c != 'l' && c != 's' && c != 'z' && !isVowel(c)) {
                return stem.substring(0, n - 1);
            }
        }
        return stem;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
