package org.zhibao.region;

/** The tiers of administration an IP office can sit at. */
public enum RegionLevel {
    NATIONAL, PROVINCE, PREFECTURE, COUNTY
}
