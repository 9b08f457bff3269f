package org.carnet.core.normalize;

import java.text.Normalizer;
import java.util.Locale;

/** Text folding for matching: the original is kept for display, the folded form is compared. */
public final class Text {
    private Text() {
    }

    /**
     * NFKD, diacritics removed, lower case; apostrophes and dots vanish (N'Diaye → ndiaye), every other run of
     * non-letters and non-digits becomes one space (Mame-Diarra → mame diarra); trimmed. Null stays null, blank
     * becomes null.
     */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (c == '\'' || c == '’' || c == 'ʼ' || c == '‘' || c == '`' || c == '´' || c == '.') {
                continue;
            }
            if (c == 'ß') {
                b.append("ss");
                space = false;
            } else if (c == 'æ' || c == 'Æ') {
                b.append("ae");
                space = false;
            } else if (c == 'œ' || c == 'Œ') {
                b.append("oe");
                space = false;
            } else if (c == 'ø' || c == 'Ø') {
                b.append('o');
                space = false;
            } else if (c == 'ŋ' || c == 'Ŋ') {
                b.append("ng");
                space = false;
            } else if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
                space = false;
            } else if (!space && b.length() > 0) {
                b.append(' ');
                space = true;
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        String out = b.substring(0, end).toLowerCase(Locale.ROOT);
        return out.isEmpty() ? null : out;
    }

    /** {@link #fold(String)} without spaces: the form compared letter by letter. */
    public static String compact(String s) {
        String f = fold(s);
        return f == null ? null : f.replace(" ", "");
    }
}
