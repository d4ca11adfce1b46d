package org.zhibao.office;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.security.access.AccessDeniedException;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.Regions;

/** Where an office may be set up, and which office is its parent. Plain functions, no database. */
final class OfficeRules {

    static final String REGION_FIELD = "regionCode";

    private OfficeRules() {
    }

    /**
     * The region {@code command} asks for, if {@code by} may set up an office there and none exists yet.
     *
     * @throws AccessDeniedException when the region lies outside {@code by}
     * @throws OfficeNotCreated when the region is unknown or already has an office
     */
    static Region admit(CreateOffice command, Jurisdiction by, Regions regions, Predicate<RegionCode> hasOffice) {
        Region region = regions.find(command.regionCode()).orElseThrow(() -> new OfficeNotCreated(REGION_FIELD,
                "office.error.region-unknown", "No region " + command.regionCode()));
        if (by == null || !by.covers(region.code())) {
            throw new AccessDeniedException("Region " + region.code() + " is outside jurisdiction " + by);
        }
        if (hasOffice.test(region.code())) {
            throw new OfficeNotCreated(REGION_FIELD, "office.error.region-taken",
                    "Region " + region.code() + " already has an office");
        }
        return region;
    }

    /**
     * The office of the nearest region above {@code region} that has one.
     *
     * @param officeAt the office id at a region, if any
     */
    static Optional<Long> parentOf(RegionCode region, Regions regions, Function<RegionCode, Optional<Long>> officeAt) {
        List<Region> ancestors = regions.ancestors(region);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            Optional<Long> office = officeAt.apply(ancestors.get(i).code());
            if (office.isPresent()) {
                return office;
            }
        }
        return Optional.empty();
    }
}
