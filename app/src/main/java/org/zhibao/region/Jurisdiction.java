package org.zhibao.region;

/**
 * A region and everything below it: where an office's officials may see and act. GB/T 2260 codes nest
 * by prefix (33 → 3301 → 330106), so the jurisdiction is also a code prefix for database queries.
 */
public record Jurisdiction(RegionCode root) implements java.io.Serializable {

    public static Jurisdiction national() {
        return new Jurisdiction(RegionCode.NATIONAL);
    }

    /** The national office's jurisdiction: the whole country. */
    public boolean isNational() {
        return root.equals(RegionCode.NATIONAL);
    }

    public boolean covers(RegionCode region) {
        return region != null && region.value().startsWith(root.prefix());
    }

    public boolean covers(Jurisdiction other) {
        return other != null && covers(other.root());
    }

    /** For {@code where region_code like :prefix || '%'}; empty for the national jurisdiction. */
    public String codePrefix() {
        return root.prefix();
    }
}
