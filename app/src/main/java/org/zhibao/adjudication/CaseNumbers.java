package org.zhibao.adjudication;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;
import org.zhibao.region.Regions;

/**
 * Case numbers in the usual form, e.g. 浙知裁字〔2026〕12号: the office's abbreviation, the type, the year and a
 * sequence counted per prefix and year in the database. Prefixes come from
 * {@code adjudication/case-number-prefixes.properties}.
 */
@Component
class CaseNumbers {

    private static final String[] SUFFIXES = { "自治州", "自治县", "自治旗", "地区", "特区", "林区", "市", "区", "县", "旗", "盟" };

    private final Properties prefixes = new Properties();
    private final Regions regions;
    private final CaseRepository cases;

    CaseNumbers(Regions regions, CaseRepository cases) {
        this.regions = regions;
        this.cases = cases;
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("adjudication/case-number-prefixes.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            prefixes.load(reader);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String next(String officeRegion, int year) {
        String prefix = prefixOf(RegionCode.of(officeRegion));
        return format(prefix, year, cases.nextNumber(prefix, year));
    }

    static String format(String prefix, int year, int sequence) {
        return prefix + "\u3014" + year + "\u3015" + sequence + "\u53f7";
    }

    String prefixOf(RegionCode office) {
        String override = prefixes.getProperty(office.value());
        if (override != null) {
            return override;
        }
        String province = office.value().substring(0, 2);
        String abbreviation = prefixes.getProperty(province);
        if (abbreviation == null) {
            throw new IllegalStateException("No case number abbreviation for province " + province);
        }
        String type = prefixes.getProperty("type");
        if (office.level() == RegionLevel.NATIONAL || office.level() == RegionLevel.PROVINCE) {
            return abbreviation + type;
        }
        String name = regions.find(office).map(Region::name).orElse("");
        for (String suffix : SUFFIXES) {
            if (name.length() > suffix.length() + 1 && name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return abbreviation + name + type;
    }
}
