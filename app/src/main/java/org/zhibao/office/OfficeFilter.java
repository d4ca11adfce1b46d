package org.zhibao.office;

import org.zhibao.region.RegionCode;

/**
 * Narrows an office listing; it never widens the jurisdiction the listing is scoped to.
 *
 * @param name part of the Chinese or English name, or {@code null}
 * @param within only offices in this region or below it, or {@code null}
 */
public record OfficeFilter(String name, RegionCode within) {

    public static OfficeFilter none() {
        return new OfficeFilter(null, null);
    }

    public OfficeFilter {
        name = name == null || name.isBlank() ? null : name.strip();
    }
}
