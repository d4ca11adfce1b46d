package org.zhibao.office;

import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;

/**
 * An IP office as other modules and pages see it.
 *
 * @param id its id
 * @param regionCode the region it serves
 * @param level its tier, that of its region
 * @param name its official Chinese name
 * @param nameEn its English name, or {@code null}
 * @param parentId the office of the nearest ancestor region that has one; {@code null} at the top
 */
public record OfficeView(long id, RegionCode regionCode, RegionLevel level, String name, String nameEn,
        Long parentId) {

    /** Where this office's officials may see and act. */
    public Jurisdiction jurisdiction() {
        return new Jurisdiction(regionCode);
    }
}
