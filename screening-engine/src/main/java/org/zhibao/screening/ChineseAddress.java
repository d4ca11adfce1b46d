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
    private static final Pattern CHINESE_NUMBER = Pattern.compile("[\u96f6\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u4e24]+");
    // 楼 层 F after a number: the floor
    private static final Pattern FLOOR = Pattern.compile("(\\d+)(?:\u697c|\u5c42|f)(?!\u53f7)");
    // 室 房 户 after a number: the room
    private static final Pattern ROOM = Pattern.compile("(\\d+)(?:\u5ba4|\u623f|\u6237)");
    // 号楼 栋 幢 座 after a number: the building
    private static final Pattern BUILDING = Pattern.compile("(\\d+)(?:\u53f7\u697c|\u680b|\u5e62|\u5ea7)");
    private static final String CHINA = "\u4e2d\u56fd";
    // spaces and punctuation that do not tell places apart
    private static final String NOISE = " \t\n\u000b\f\r,\uff0c.\u3002()\uff08\uff09:\uff1a_\u00b7";
    private static final Pattern SEPARATORS = Pattern.compile("[-\u2014\u2013~#/\\\\]");
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
            if (!m.find() || m.end() >= s.length() || !hasStreetPart(s.substring(m.end()))) {
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

    private static boolean hasStreetPart(String rest) {
        return rest.chars().anyMatch(c -> Character.isDigit(c) || "\u8def\u8857\u9053\u5df7\u5f04\u53f7\u6751\u56ed".indexOf(c) >= 0);
    }

    static String streetKey(String s) {
        s = arabic(s).replace(String.valueOf(ORDINAL), "");
        s = FLOOR.matcher(s).replaceAll("$1F");
        s = ROOM.matcher(s).replaceAll("$1");
        s = BUILDING.matcher(s).replaceAll("B$1");
        return SEPARATORS.matcher(s).replaceAll("");
    }

    /** Chinese numerals to Arabic digits (三 → 3, 十二 → 12, 二十三 → 23, 一百零五 → 105). */
    static String arabic(String s) {
        Matcher m = CHINESE_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(value(m.group())));
        }
        m.appendTail(out);
        return out.toString();
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
