package org.zhibao.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * All administrative divisions down to county level, read once at start-up from {@value #RESOURCE}
 * (generated from a public dataset, see SOURCE.md beside it) and kept in memory: about 3,350 rows.
 * The national root 000000 is a row of that file like any other.
 */
@Service
public class Regions {

    static final String RESOURCE = "region/regions.csv";
    private static final String HEADER = "code,name,level,parentCode";

    private final Map<RegionCode, Region> byCode;
    private final Map<RegionCode, List<Region>> childrenByParent;

    public Regions() {
        this(read(new ClassPathResource(RESOURCE)));
    }

    Regions(List<Region> regions) {
        Map<RegionCode, Region> codes = new LinkedHashMap<>();
        for (Region region : regions.stream().sorted(Comparator.comparing(r -> r.code().value())).toList()) {
            if (codes.putIfAbsent(region.code(), region) != null) {
                throw new IllegalStateException("Region listed twice: " + region.code());
            }
            if (region.level() != region.code().level()) {
                // the code's shape decides the level everywhere else (RegionCode.level()); they must agree
                throw new IllegalStateException("Level " + region.level() + " does not match code " + region.code());
            }
        }
        if (!codes.containsKey(RegionCode.NATIONAL)) {
            throw new IllegalStateException("The national root " + RegionCode.NATIONAL + " is missing");
        }
        Map<RegionCode, List<Region>> children = new LinkedHashMap<>();
        for (Region region : codes.values()) {
            if (region.parentCode() != null) {
                if (!codes.containsKey(region.parentCode())) {
                    throw new IllegalStateException("Parent " + region.parentCode() + " of " + region.code() + " is missing");
                }
                if (!new Jurisdiction(region.parentCode()).covers(region.code())) {
                    // jurisdictions are queried by code prefix: a unit outside its parent's prefix would escape it
                    throw new IllegalStateException(region.code() + " does not start with the prefix of its parent "
                            + region.parentCode());
                }
                children.computeIfAbsent(region.parentCode(), parent -> new ArrayList<>()).add(region);
            }
        }
        children.replaceAll((parent, list) -> List.copyOf(list));
        this.byCode = Collections.unmodifiableMap(codes);
        this.childrenByParent = Collections.unmodifiableMap(children);
    }

    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean exists(RegionCode code) {
        return byCode.containsKey(code);
    }

    /** The regions directly below {@code code}, by code; empty for a county or an unknown code. */
    public List<Region> children(RegionCode code) {
        return childrenByParent.getOrDefault(code, List.of());
    }

    /** From the country down to the parent of {@code code}; empty for the country or an unknown code. */
    public List<Region> ancestors(RegionCode code) {
        List<Region> path = path(code);
        return path.isEmpty() ? path : path.subList(0, path.size() - 1);
    }

    /** From the country down to {@code code} itself; empty for an unknown code. */
    public List<Region> path(RegionCode code) {
        List<Region> path = new ArrayList<>();
        for (Region at = byCode.get(code); at != null; at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
            path.add(at);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    /** The names from the province down, e.g. 浙江省 杭州市 西湖区; empty for the country as a whole. */
    public String fullName(RegionCode code) {
        return path(code).stream()
                .filter(region -> !region.code().equals(RegionCode.NATIONAL))
                .map(Region::name)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Every region within {@code jurisdiction}, its root first, by code. */
    public List<Region> within(Jurisdiction jurisdiction) {
        return byCode.values().stream().filter(region -> jurisdiction.covers(region.code())).toList();
    }

    /**
     * The region an address written in Chinese lies in, as deep as the address says: "湖北省武汉市洪山区文三路"
     * is 420111, "西安雁塔区人民路" (province left out, suffixes dropped) is 610113, "苏州市工业园区" (a zone that is
     * no county) is 320500. Each level must follow the one above it where the address names it, so a street
     * that happens to share a county's name further on does not count. Empty when the address names no region.
     */
    public Optional<RegionCode> locate(String address) {
        return AddressLocator.locate(address, this);
    }

    /** Every region, by code, the country first. */
    public List<Region> all() {
        return List.copyOf(byCode.values());
    }

    static List<Region> read(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return read(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static List<Region> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException("Expected header " + HEADER + " but found " + header);
        }
        List<Region> regions = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            // the converter guarantees plain names (no commas or quotes), so a split is a complete parser
            String[] fields = line.split(",", -1);
            if (fields.length != 4) {
                throw new IllegalStateException("Line " + lineNumber + " has " + fields.length + " fields: " + line);
            }
            regions.add(new Region(RegionCode.of(fields[0]), fields[1], RegionLevel.valueOf(fields[2]),
                    fields[3].isEmpty() ? null : RegionCode.of(fields[3])));
        }
        return regions;
    }
}
