package org.zhibao.region;

import java.util.regex.Pattern;

/**
 * A six-digit administrative division code of GB/T 2260 (e.g. 330106 西湖区), or {@link #NATIONAL}
 * (000000) for the country as a whole. Province codes end in 0000, prefecture codes in 00.
 */
public record RegionCode(String value) implements java.io.Serializable {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    public static final RegionCode NATIONAL = new RegionCode("000000");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("A region code has six digits: " + value);
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public RegionLevel level() {
        if (value.equals(NATIONAL.value)) {
            return RegionLevel.NATIONAL;
        }
        if (value.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        if (value.endsWith("00")) {
            return RegionLevel.PREFECTURE;
        }
        return RegionLevel.COUNTY;
    }

    /** The significant digits: every code below this one starts with them. */
    public String prefix() {
        return switch (level()) {
            case NATIONAL -> "";
            case PROVINCE -> value.substring(0, 2);
            case PREFECTURE -> value.substring(0, 4);
            case COUNTY -> value;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
