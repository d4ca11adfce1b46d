package org.zhibao.region;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * Reads the region out of a Chinese address by walking the division tree from the start of the text: a
 * province, then one of its prefectures, then one of its counties, each by its full name or its name without the
 * administrative suffix (浙江省 or 浙江, 杭州市 or 杭州, 西湖区 or 西湖). The province may be left out, as people
 * often do; then the prefecture (or, failing that, a county) is looked up across the country, but only where the
 * name is unambiguous.
 */
final class AddressLocator {

    /** Longest first, so 自治区 is cut before 区. */
    private static final List<String> SUFFIXES = List.of("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
            "自治州", "自治县", "地区", "省", "市", "盟", "区", "县", "旗");

    private AddressLocator() {
    }

    static Optional<RegionCode> locate(String address, Regions regions) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Region at = regions.find(RegionCode.NATIONAL).orElseThrow();
        int pos = 0;
        Match province = match(text, pos, regions.children(at.code()));
        if (province != null) {
            at = province.region();
            pos = province.end();
        }
        else {
            // no province written: a prefecture or county named unambiguously across the country
            Match prefecture = unique(text, regions.all().stream()
                    .filter(r -> r.level() == RegionLevel.PREFECTURE).toList());
            if (prefecture == null) {
                Match county = unique(text, regions.all().stream().filter(r -> r.level() == RegionLevel.COUNTY).toList());
                return county == null ? Optional.empty() : Optional.of(county.region().code());
            }
            at = prefecture.region();
            pos = prefecture.end();
        }
        while (pos < text.length()) {
            List<Region> below = regions.children(at.code());
            if (below.isEmpty()) {
                break;
            }
            Match next = match(text, pos, below);
            if (next == null) {
                // municipalities list their districts under an unnamed 市辖区/县 level: look one level further
                Match skipped = null;
                for (Region unnamed : below) {
                    if (!written(unnamed.name())) {
                        skipped = match(text, pos, regions.children(unnamed.code()));
                        if (skipped != null) {
                            break;
                        }
                    }
                }
                if (skipped == null) {
                    break;
                }
                next = skipped;
            }
            at = next.region();
            pos = next.end();
        }
        return at.code().equals(RegionCode.NATIONAL) ? Optional.empty() : Optional.of(at.code());
    }

    /** Placeholder levels of the dataset (市辖区, 县, 省直辖县级行政区划) that no address writes out. */
    private static boolean written(String name) {
        return !(name.equals("市辖区") || name.equals("县") || name.contains("直辖"));
    }

    private record Match(Region region, int end) {
    }

    /** The region whose name starts the text at {@code pos}, the longest name winning. */
    private static Match match(String text, int pos, List<Region> candidates) {
        Match best = null;
        for (Region r : candidates) {
            if (!written(r.name())) {
                continue;
            }
            for (String name : names(r.name())) {
                if (startsWith(text, pos, name, r.name()) && (best == null || pos + name.length() > best.end())) {
                    best = new Match(r, pos + name.length());
                }
            }
        }
        return best;
    }

    /** The one region whose name starts the text, longest name first; none when two share it (朝阳区 of Beijing and of Changchun). */
    private static Match unique(String text, List<Region> candidates) {
        Match found = null;
        boolean ambiguous = false;
        for (Region r : candidates) {
            if (!written(r.name())) {
                continue;
            }
            for (String name : names(r.name())) {
                if (!startsWith(text, 0, name, r.name())) {
                    continue;
                }
                if (found == null || name.length() > found.end()) {
                    found = new Match(r, name.length());
                    ambiguous = false;
                }
                else if (name.length() == found.end() && !found.region().equals(r)) {
                    ambiguous = true;
                }
            }
        }
        return ambiguous ? null : found;
    }

    /**
     * Whether the text names the region at {@code pos}: by its full name, or by its short name when what follows
     * is not itself a division suffix (朝阳区 is a district named 朝阳, not the city 朝阳市 followed by 区).
     */
    private static boolean startsWith(String text, int pos, String name, String fullName) {
        if (!text.startsWith(name, pos)) {
            return false;
        }
        if (name.equals(fullName)) {
            return true;
        }
        int next = pos + name.length();
        return next >= text.length() || "区县市旗州盟".indexOf(text.charAt(next)) < 0;
    }

    /** The full name, and the name without its suffix when at least two characters remain. */
    private static List<String> names(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return List.of(name, name.substring(0, name.length() - suffix.length()));
            }
        }
        return List.of(name);
    }
}
