package org.zhibao.screening.patent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.zhibao.screening.Applicant;
import org.zhibao.screening.ChineseAddress;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.Finding;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Rule;
import org.zhibao.screening.UnionFind;

/**
 * P6_SPLIT: applicants tied to one controller through a shared contact phone, e-mail or the same address
 * written differently. What an officer would not accept as a tie is left out: the agency itself, a contact
 * that is evidently the agency's own (most of its filings carry one agency, and it reaches a large share of
 * that agency's clients), and hubs shared by more applicants than any plausible ring (virtual offices).
 * Feed records with {@link #add}, then take {@link #findings}.
 */
public final class SplitFilingRule {

    /** A contact shared by more applicants than this is a hub (registered-office service, call centre). */
    public static final int MAX_RING = 40;
    /** An agency's own contact: at least this share of the key's filings go through one agency... */
    public static final double AGENCY_DOMINANCE = 0.8;
    /** ... which has at least this many clients ... */
    public static final int AGENCY_MIN_CLIENTS = 8;
    /** ... and the key reaches at least this share of them. */
    public static final double AGENCY_REACH = 0.25;

    private final List<String> applicationNos = new ArrayList<>();
    private final Map<String, Integer> entityIds = new HashMap<>();
    private final List<Applicant> entities = new ArrayList<>();
    private final List<List<Integer>> entityRecords = new ArrayList<>();
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Map<String, List<Place>> places = new HashMap<>();
    private final Map<String, Set<Integer>> agencyClients = new HashMap<>();
    /** Applicants registered per building (street and number), counted apart per administrative area written. */
    private final Map<String, Map<String, Integer>> buildingTenants = new HashMap<>();

    /** Screens a whole batch at once. */
    public static List<Finding> screen(Iterable<PatentRecord> records) {
        SplitFilingRule rule = new SplitFilingRule();
        records.forEach(rule::add);
        return rule.findings();
    }

    public void add(PatentRecord r) {
        int record = applicationNos.size();
        applicationNos.add(r.applicationNo());
        String agency = agencyKey(r.agency());
        List<Integer> ids = new ArrayList<>(r.applicants().size());
        for (Applicant a : r.applicants()) {
            String identity = a.identity();
            if (identity.isEmpty()) {
                continue;
            }
            Integer id = entityIds.get(identity);
            boolean newEntity = id == null;
            if (id == null) {
                id = entities.size();
                entityIds.put(identity, id);
                entities.add(a);
                entityRecords.add(new ArrayList<>(2));
            }
            entityRecords.get(id).add(record);
            ids.add(id);
            if (!agency.isEmpty()) {
                agencyClients.computeIfAbsent(agency, k -> new java.util.HashSet<>()).add(id);
            }
            if (!newEntity) {
                continue;
            }
            ChineseAddress place = ChineseAddress.parse(a.address());
            if (place.streetKey().length() >= 4) {
                buildingTenants.computeIfAbsent(building(place.streetKey()), k -> new HashMap<>(2))
                        .merge(place.adminArea(), 1, Integer::sum);
                List<Place> bucket = places.computeIfAbsent(place.streetKey(), k -> new ArrayList<>(2));
                if (bucket.size() <= MAX_RING && bucket.stream().noneMatch(p -> p.entity == ids.get(ids.size() - 1))) {
                    bucket.add(new Place(ids.get(ids.size() - 1), place.adminArea(), a.address()));
                }
            }
        }
        // the contact on a filing is its first applicant's (the representative); co-applicants are not tied by it
        List<Integer> representative = ids.isEmpty() ? ids : ids.subList(0, 1);
        String phone = ContactKeys.phone(r.contactPhone());
        if (!phone.isEmpty()) {
            contacts.computeIfAbsent("phone:" + phone, k -> new Contact()).add(representative, agency, r.contactPhone());
        }
        String email = ContactKeys.email(r.contactEmail());
        if (!email.isEmpty()) {
            contacts.computeIfAbsent("email:" + email, k -> new Contact()).add(representative, agency, r.contactEmail());
        }
    }

    public List<Finding> findings() {
        UnionFind uf = new UnionFind(entities.size());
        List<Link> links = new ArrayList<>();
        for (Map.Entry<String, Contact> e : contacts.entrySet()) {
            Contact c = e.getValue();
            if (c.entities.size() < 2 || c.hub || isAgencyContact(c)) {
                continue;
            }
            int first = c.entities.iterator().next();
            for (int other : c.entities) {
                uf.union(first, other);
            }
            String kind = e.getKey().substring(0, e.getKey().indexOf(':'));
            links.add(new Link(kind, e.getKey().substring(kind.length() + 1), new ArrayList<>(c.entities),
                    new ArrayList<>(c.written)));
        }
        for (Map.Entry<String, List<Place>> e : places.entrySet()) {
            List<Place> bucket = e.getValue();
            if (bucket.size() < 2 || bucket.size() > MAX_RING) {
                continue;
            }
            Map<String, Integer> tenants = buildingTenants.getOrDefault(building(e.getKey()), Map.of());
            Set<Integer> linked = new TreeSet<>();
            Set<String> written = new LinkedHashSet<>();
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Place a = bucket.get(i);
                    Place b = bucket.get(j);
                    // in a building where more applicants are registered than any plausible ring (an incubator,
                    // an office tower of unrelated tenants) sharing a room is no tie without a shared contact
                    if (a.entity != b.entity && ChineseAddress.compatibleAreas(a.area, b.area)
                            && !manyTenants(tenants, a.area.length() >= b.area.length() ? a.area : b.area)) {
                        uf.union(a.entity, b.entity);
                        linked.add(a.entity);
                        linked.add(b.entity);
                        written.add(a.written);
                        written.add(b.written);
                    }
                }
            }
            if (!linked.isEmpty()) {
                links.add(new Link("address", e.getKey(), new ArrayList<>(linked), new ArrayList<>(written)));
            }
        }
        Map<Integer, List<Link>> linksByGroup = new HashMap<>();
        for (Link l : links) {
            linksByGroup.computeIfAbsent(uf.find(l.entities.get(0)), k -> new ArrayList<>()).add(l);
        }
        List<Finding> out = new ArrayList<>();
        for (int[] group : uf.groups()) {
            out.add(finding(group, linksByGroup.getOrDefault(uf.find(group[0]), List.of())));
        }
        return out;
    }

    private Finding finding(int[] group, List<Link> links) {
        Set<String> subjects = new TreeSet<>();
        List<Map<String, Object>> members = new ArrayList<>();
        for (int e : group) {
            Applicant a = entities.get(e);
            List<Integer> recs = entityRecords.get(e);
            recs.forEach(r -> subjects.add(applicationNos.get(r)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("creditCode", a.creditCode());
            m.put("address", a.address());
            m.put("applications", recs.size());
            members.add(m);
        }
        List<Map<String, Object>> linkEvidence = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (Link l : links) {
            kinds.add(l.kind);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", l.kind);
            m.put("key", l.key);
            m.put("writtenAs", l.written.stream().limit(5).toList());
            m.put("entities", l.entities.stream().map(e -> entities.get(e).name()).toList());
            linkEvidence.add(m);
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("entities", members);
        evidence.put("links", linkEvidence);
        evidence.put("linkKinds", new ArrayList<>(kinds));
        evidence.put("applications", subjects.size());
        // more independent kinds of tie and more entities make a common controller harder to deny
        double score = 1 - Math.pow(0.5, kinds.size() + Math.min(3, group.length - 1));
        return new Finding(Rule.P6_SPLIT, new ArrayList<>(subjects), score, evidence);
    }

    private boolean isAgencyContact(Contact c) {
        return isAgencyContact(c.agency, c.sameAgency, c.filings, agencyClients.getOrDefault(c.agency, Set.of()).size(),
                c.entities.size());
    }

    /**
     * Whether a contact key is evidently an agency's own: at least {@link #AGENCY_DOMINANCE} of the key's
     * {@code filings} went through its first {@code agency} ({@code sameAgency} of them), which has at least
     * {@link #AGENCY_MIN_CLIENTS} clients, and the key reaches at least {@link #AGENCY_REACH} of them.
     */
    public static boolean isAgencyContact(String agency, int sameAgency, int filings, long agencyClients, int entities) {
        if (agency.isEmpty() || sameAgency < AGENCY_DOMINANCE * filings) {
            return false;
        }
        return agencyClients >= AGENCY_MIN_CLIENTS && entities >= AGENCY_REACH * agencyClients;
    }

    /**
     * Whether a building (street and number) has so many registered applicants that sharing a room there is no
     * tie. The same street and number stands in many cities (中山路100号), so only the tenants written with an
     * area compatible with {@code area} count ({@link ChineseAddress#compatibleAreas}: an address naming no area
     * counts everywhere, 滨江 counts in 杭州滨江).
     *
     * @param tenantsByArea the building's registered applicants by the administrative area written with them
     */
    public static boolean manyTenants(Map<String, Integer> tenantsByArea, String area) {
        int tenants = 0;
        for (Map.Entry<String, Integer> e : tenantsByArea.entrySet()) {
            if (ChineseAddress.compatibleAreas(e.getKey(), area)) {
                tenants += e.getValue();
            }
        }
        return tenants > MAX_RING;
    }


    /** The building of a street key (street and number, without floor and room). */
    public static String building(String streetKey) {
        int number = streetKey.lastIndexOf('\u53f7');
        return number < 0 ? streetKey : streetKey.substring(0, number + 1);
    }

    private static String agencyKey(String agency) {
        return ChineseText.fold(agency == null ? "" : agency.replaceAll("\\s+", ""));
    }

    private record Place(int entity, String area, String written) {
    }

    private record Link(String kind, String key, List<Integer> entities, List<String> written) {
    }

    /** Filings sharing one contact key: their entities (up to the hub limit), the agency they went through. */
    private static final class Contact {
        final Set<Integer> entities = new LinkedHashSet<>(4);
        final Set<String> written = new LinkedHashSet<>(2);
        String agency = null;
        int sameAgency;
        int filings;
        boolean hub;

        void add(List<Integer> ids, String agencyOfFiling, String asWritten) {
            filings++;
            if (agency == null) {
                agency = agencyOfFiling;
            }
            if (agency.equals(agencyOfFiling)) {
                sameAgency++;
            }
            if (written.size() < 5) {
                written.add(asWritten);
            }
            if (!hub) {
                entities.addAll(ids);
                if (entities.size() > MAX_RING) {
                    hub = true;
                }
            }
        }
    }
}
