package org.zhibao.region;

import java.util.Objects;

/**
 * One administrative division: a province, prefecture-level or county-level unit, or the country itself.
 *
 * @param code its six-digit code
 * @param name its official Chinese name (data, not UI text)
 * @param level its tier, as listed in the source dataset
 * @param parentCode the unit it belongs to; {@code null} only for {@link RegionCode#NATIONAL}
 */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parentCode) {

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A region has a name: " + code);
        }
        if ((parentCode == null) != (level == RegionLevel.NATIONAL)) {
            throw new IllegalArgumentException("Only the country has no parent: " + code);
        }
    }

    /** This region and everything below it. */
    public Jurisdiction jurisdiction() {
        return new Jurisdiction(code);
    }
}
