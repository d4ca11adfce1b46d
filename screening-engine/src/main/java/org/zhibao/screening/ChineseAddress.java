package org.zhibao.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese address reduced to what identifies the place, so that one address written differently compares
 * equal: the province is dropped, the administrative units before the street are kept apart (a street key
 * matches only when those are compatible), numbers are unified (三层, 3楼, ３F → 3F; 301室, 301 → 301).
 *
 * @param adminArea the folded cores of the prefecture and county units named, concatenated ("" if none)
 * @param streetKey the street, number, building, floor and room, normalised
 */
public record ChineseAddress(String adminArea, String streetKey) {

    private static final List<String> PROVINCES = loadProvinces();
    private static final Pattern PROVINCE_SUFFIX = Pattern.compile(
            "^(?:\u58ee\u65cf\u81ea\u6cbb\u533a|\u56de\u65cf\u81ea\u6cbb\u533a|\u7ef4\u543e\u5c14\u81ea\u6cbb\u533a"
                    + "|\u81ea\u6cbb\u533a|\u7279\u522b\u884c\u653f\u533a|\u7701|\u5e02)");
    // a leading administrative unit: 2-8 Han characters then 自治州 自治县 地区 市 区 县 旗 盟
    private static final Pattern ADMIN_UNIT = Pattern.compile(
            "^([\u4e00-\u9fff]{2,8}?)(\u81ea\u6cbb\u5dde|\u81ea\u6cbb\u53bf|\u5730\u533a|\u65b0\u533a|\u5e02|\u533a|\u53bf|\u65d7|\u76df)");
    /** The Chinese numerals (零 〇 一 … 九 十 百 两). */
    private static final String NUMERALS = "\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u4e24";
    /** After a number, the floor: 楼 层 f (not 楼号). */
    private static final String FLOOR = "\u697c\u5c42f";
    /** After a number, the room: 室 房 户. */
    private static final String ROOM = "\u5ba4\u623f\u6237";
    /** After a number, the building: 栋 幢 座, or 号楼. */
    private static final String BUILDING = "\u680b\u5e62\u5ea7";
    private static final char HAO = '\u53f7';
    private static final char LOU = '\u697c';
    private static final String CHINA = "\u4e2d\u56fd";
    // spaces and punctuation that do not tell places apart
    private static final String NOISE = " \t\n\u000b\f\r,\uff0c.\u3002()\uff08\uff09:\uff1a_\u00b7";
    /** Separators within a number (3F-301, 5#, 1/2): dropped. */
    private static final String SEPARATORS = "-\u2014\u2013~#/\\";
    private static final char ORDINAL = '\u7b2c';

    public static ChineseAddress parse(String address) {
        if (address == null) {
            return new ChineseAddress("", "");
        }
        String s = withoutNoise(ChineseText.fold(ChineseText.normalize(address)));
        if (s.startsWith(CHINA)) {
            s = s.substring(CHINA.length());
        }
        for (String p : PROVINCES) {
            if (s.startsWith(p)) {
                s = s.substring(p.length());
                Matcher m = PROVINCE_SUFFIX.matcher(s);
                if (m.find()) {
                    s = s.substring(m.end());
                }
                break;
            }
        }
        StringBuilder admin = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Matcher m = ADMIN_UNIT.matcher(s);
            if (!m.find() || m.end() >= s.length() || !hasStreetPart(s, m.end())) {
                break;
            }
            admin.append(m.group(1));
            s = s.substring(m.end());
        }
        return new ChineseAddress(admin.toString(), streetKey(s));
    }

    /** Two spellings of the same place: same street key, and neither names an area the other contradicts. */
    public boolean samePlaceAs(ChineseAddress other) {
        return !streetKey.isEmpty() && streetKey.equals(other.streetKey) && compatibleArea(other.adminArea);
    }

    public boolean compatibleArea(String otherArea) {
        return compatibleAreas(adminArea, otherArea);
    }

    public static boolean compatibleAreas(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.contains(b) || b.contains(a);
    }

    private static String withoutNoise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (NOISE.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether s from {@code from} on holds a digit or a street word (路 街 道 巷 弄 号 村 园). */
    private static boolean hasStreetPart(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || "\u8def\u8857\u9053\u5df7\u5f04\u53f7\u6751\u56ed".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The street part normalised: Chinese numerals to digits, 第 dropped; after a number a floor's 楼/层/f becomes F
     * (not in 楼号), a room's 室/房/户 is dropped, a building's 号楼/栋/幢/座 becomes a B before the number; separators
     * dropped. One pass each over the characters (the regular expressions this replaced were most of the time
     * P6 spent per application; {@code ChineseAddressTests} holds them as the reference).
     */
    static String streetKey(String s) {
        char[] c = arabic(s).toCharArray();
        int n = 0;
        for (char x : c) {
            if (x != ORDINAL) {
                c[n++] = x;
            }
        }
        // floors: a trigger after a digit and not before 号
        for (int i = 1; i < n; i++) {
            if (FLOOR.indexOf(c[i]) >= 0 && isDigit(c[i - 1]) && (i + 1 >= n || c[i + 1] != HAO)) {
                c[i] = 'F';
            }
        }
        // rooms: a trigger after a digit is dropped (judged on the characters before this pass)
        int m = 0;
        char before = 0;
        for (int i = 0; i < n; i++) {
            char x = c[i];
            if (ROOM.indexOf(x) < 0 || !isDigit(before)) {
                c[m++] = x;
            }
            before = x;
        }
        n = m;
        // buildings: a number followed by 号楼, 栋, 幢 or 座 becomes B and the number; separators dropped
        StringBuilder out = new StringBuilder(n + 4);
        for (int i = 0; i < n; ) {
            if (isDigit(c[i])) {
                int end = i;
                while (end < n && isDigit(c[end])) {
                    end++;
                }
                int trigger = end < n && BUILDING.indexOf(c[end]) >= 0 ? 1
                        : end + 1 < n && c[end] == HAO && c[end + 1] == LOU ? 2 : 0;
                if (trigger > 0) {
                    out.append('B');
                }
                out.append(c, i, end - i);
                i = end + trigger;
            } else {
                if (SEPARATORS.indexOf(c[i]) < 0) {
                    out.append(c[i]);
                }
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Chinese numerals to Arabic digits (三 → 3, 十二 → 12, 二十三 → 23, 一百零五 → 105). */
    static String arabic(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < s.length(); i++) {
            if (NUMERALS.indexOf(s.charAt(i)) < 0) {
                continue;
            }
            int end = i + 1;
            while (end < s.length() && NUMERALS.indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, i).append(value(s.substring(i, end)));
            copied = end;
            i = end - 1;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static int value(String numeral) {
        String digits = "\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d";
        if (numeral.indexOf('\u5341') < 0 && numeral.indexOf('\u767e') < 0) {
            int v = 0;
            for (char c : numeral.toCharArray()) {
                v = v * 10 + digit(c, digits);
            }
            return v;
        }
        int total = 0;
        int current = 0;
        for (char c : numeral.toCharArray()) {
            if (c == '\u767e') {
                total += Math.max(1, current) * 100;
                current = 0;
            } else if (c == '\u5341') {
                total += Math.max(1, current) * 10;
                current = 0;
            } else {
                current = digit(c, digits);
            }
        }
        return total + current;
    }

    private static int digit(char c, String digits) {
        if (c == '\u3007') {
            return 0;
        }
        if (c == '\u4e24') {
            return 2;
        }
        return Math.max(0, digits.indexOf(c));
    }

    private static List<String> loadProvinces() {
        List<String> out = new ArrayList<>();
        try (var in = ChineseAddress.class.getResourceAsStream("provinces.txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
