package org.zhibao.office;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;
import org.zhibao.region.Regions;

/**
 * The IP offices: setting one up and finding them. Every listing is scoped in SQL to a jurisdiction.
 */
@Service
@Transactional(readOnly = true)
public class Offices {

    private static final String COLUMNS = "id, region_code, level, name, name_en, parent_id, created_at";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final ApplicationEventPublisher events;

    Offices(JdbcClient jdbc, Regions regions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
    }

    /**
     * Sets up the office of a region within {@code by}. Offices already set up below it whose parent was
     * further up are moved under the new office.
     *
     * @throws AccessDeniedException when the region lies outside {@code by}
     * @throws OfficeNotCreated when the region is unknown or already has an office
     */
    @Transactional
    public OfficeView create(CreateOffice command, Jurisdiction by) {
        Region region = OfficeRules.admit(command, by, regions, code -> findByRegion(code).isPresent());
        Long parentId = OfficeRules.parentOf(region.code(), regions, officesAmong(regions.ancestors(region.code())))
                .orElse(null);
        Office office = Office.establish(command, region, parentId);
        long id;
        try {
            id = jdbc.sql("""
                    insert into office (region_code, level, name, name_en, parent_id)
                    values (cast(:region as char(6)), :level, :name, :nameEn, :parentId) returning id""")
                    .param("region", office.regionCode().value())
                    .param("level", office.level().name())
                    .param("name", office.name())
                    .param("nameEn", office.nameEn())
                    .param("parentId", office.parentId())
                    .query(Long.class).single();
        }
        catch (DuplicateKeyException e) {
            // another request set up the same region since the check above
            throw new OfficeNotCreated(OfficeRules.REGION_FIELD, "office.error.region-taken",
                    "Region " + region.code() + " already has an office");
        }
        String prefix = region.code().prefix();
        jdbc.sql("""
                update office child set parent_id = :id
                where child.region_code like :prefix || '%' and child.id <> :id
                  and (child.parent_id is null or exists (
                      select 1 from office p where p.id = child.parent_id and p.region_code not like :prefix || '%'))""")
                .param("id", id).param("prefix", prefix).update();
        events.publishEvent(new OfficeCreated(id, region.code(), region.level(), parentId));
        return new OfficeView(id, region.code(), region.level(), office.name(), office.nameEn(), parentId);
    }

    public Optional<OfficeView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from office where id = :id").param("id", id)
                .query(Offices::row).optional().map(Office::view);
    }

    public Optional<OfficeView> findByRegion(RegionCode region) {
        return jdbc.sql("select " + COLUMNS + " from office where region_code = cast(:region as char(6))")
                .param("region", region.value()).query(Offices::row).optional().map(Office::view);
    }

    /**
     * The office responsible for a region: the region's own office, else that of its nearest ancestor with one
     * (a county without an office of its own is served by its prefecture's). Empty only when not even the
     * national office exists.
     */
    public Optional<OfficeView> responsibleFor(RegionCode region) {
        List<Region> path = regions.path(region);
        Function<RegionCode, Optional<Long>> officeAt = officesAmong(path.isEmpty() ? regions.path(RegionCode.NATIONAL) : path);
        for (int i = path.size() - 1; i >= 0; i--) {
            Optional<Long> id = officeAt.apply(path.get(i).code());
            if (id.isPresent()) {
                return find(id.get());
            }
        }
        return path.isEmpty() ? findByRegion(RegionCode.NATIONAL) : Optional.empty();
    }

    /** The offices within {@code jurisdiction} that match {@code filter}, by region code. */
    public List<OfficeView> list(Jurisdiction jurisdiction, OfficeFilter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from office where region_code like :scope || '%'");
        Map<String, Object> params = new HashMap<>(Map.of("scope", jurisdiction.codePrefix()));
        if (filter.within() != null) {
            sql.append(" and region_code like :within || '%'");
            params.put("within", filter.within().prefix());
        }
        if (filter.name() != null) {
            sql.append(" and (name ilike :name or name_en ilike :name)");
            params.put("name", "%" + escapeLike(filter.name()) + "%");
        }
        sql.append(" order by region_code");
        return jdbc.sql(sql.toString()).params(params).query(Offices::row).list().stream().map(Office::view).toList();
    }

    /**
     * Where the officials of an office may see and act: its region and everything below.
     *
     * @throws IllegalArgumentException when there is no such office
     */
    public Jurisdiction jurisdictionOf(long officeId) {
        return find(officeId).map(OfficeView::jurisdiction)
                .orElseThrow(() -> new IllegalArgumentException("No office " + officeId));
    }

    private Function<RegionCode, Optional<Long>> officesAmong(List<Region> candidates) {
        if (candidates.isEmpty()) {
            return code -> Optional.empty();
        }
        Map<RegionCode, Long> ids = jdbc.sql("select id, region_code from office where region_code in (:codes)")
                .param("codes", candidates.stream().map(r -> r.code().value()).toList())
                .query((rs, n) -> Map.entry(RegionCode.of(rs.getString("region_code")), rs.getLong("id")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return code -> Optional.ofNullable(ids.get(code));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Office row(ResultSet rs, int rowNum) throws SQLException {
        return new Office(rs.getLong("id"), RegionCode.of(rs.getString("region_code")),
                RegionLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("name_en"),
                rs.getObject("parent_id", Long.class), rs.getTimestamp("created_at").toInstant());
    }
}
