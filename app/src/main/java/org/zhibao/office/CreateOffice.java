package org.zhibao.office;

import java.util.Objects;

import org.zhibao.region.RegionCode;

/**
 * Set up the IP office of a region.
 *
 * @param regionCode the region it serves; one office per region
 * @param name its official Chinese name
 * @param nameEn its English name, or {@code null}
 */
public record CreateOffice(RegionCode regionCode, String name, String nameEn) {

    public CreateOffice {
        Objects.requireNonNull(regionCode, "regionCode");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An office has a name");
        }
        name = name.strip();
        nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
    }
}
