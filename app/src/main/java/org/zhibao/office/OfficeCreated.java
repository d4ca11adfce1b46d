package org.zhibao.office;

import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;

/**
 * A new IP office was set up. Offices below it whose parent was further up now have it as their parent.
 *
 * @param officeId the new office
 * @param regionCode its region
 * @param level its tier
 * @param parentId its parent office, or {@code null} at the top
 */
public record OfficeCreated(long officeId, RegionCode regionCode, RegionLevel level, Long parentId) {
}
