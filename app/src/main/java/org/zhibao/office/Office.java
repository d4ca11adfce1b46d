package org.zhibao.office;

import java.time.Instant;

import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;

/** A row of the office table. A registry entry without a life cycle: it is set up, then read. */
record Office(Long id, RegionCode regionCode, RegionLevel level, String name, String nameEn, Long parentId,
        Instant createdAt) {

    static Office establish(CreateOffice command, Region region, Long parentId) {
        return new Office(null, region.code(), region.level(), command.name(), command.nameEn(), parentId, null);
    }

    OfficeView view() {
        return new OfficeView(id, regionCode, level, name, nameEn, parentId);
    }
}
