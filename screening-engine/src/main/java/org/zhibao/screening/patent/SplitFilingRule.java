package org.zhibao.screening.patent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

    // A million filings make about a million entities and two million contact keys, nearly all seen once: the
    // state is kept compact (no per-entity lists or sets until a second occurrence) so that reading stays cheap.
    private final List<String> applicationNos = new ArrayList<>();
    private final Map<String, Integer> entityIds = new HashMap<>();
    private final List<Applicant> entities = new ArrayList<>();
    private final RecordChains entityRecords = new RecordChains();
    private final Map<String, Contact> contacts = new HashMap<>();
    /** Entities by street key, in order of first appearance: a chain of at most MAX_RING + 1 places. */
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, Integer> agencyIds = new HashMap<>();
    /** Distinct (agency, client entity) pairs, and the distinct clients per agency id. */
    private final LongCounter agencyClientPairs = new LongCounter(1 << 16);
    private int[] agencyClients = new int[16];
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
        int agencyId = agency.isEmpty() ? -1 : agencyIds.computeIfAbsent(agency, k -> agencyIds.size());
        int representative = -1;
        for (Applicant a : r.applicants()) {
            String identity = a.identity();
            if (identity.isEmpty()) {
                continue;
            }
            Integer known = entityIds.get(identity);
            int id = known == null ? entities.size() : known;
            if (known == null) {
                entityIds.put(identity, id);
                entities.add(a);
            }
            entityRecords.add(id, record);
            if (representative < 0) {
                representative = id;
            }
            if (agencyId >= 0) {
                countClient(agencyId, id);
            }
            if (known == null) {
                addPlace(id, a.address());
            }
        }
        // the contact on a filing is its first applicant's (the representative); co-applicants are not tied by it
        String phone = ContactKeys.phone(r.contactPhone());
        if (!phone.isEmpty()) {
            contacts.computeIfAbsent("phone:" + phone, k -> new Contact()).add(representative, agency, r.contactPhone());
        }
        String email = ContactKeys.email(r.contactEmail());
        if (!email.isEmpty()) {
            contacts.computeIfAbsent("email:" + email, k -> new Contact()).add(representative, agency, r.contactEmail());
        }
    }

    private void countClient(int agencyId, int entity) {
        long pair = (long) agencyId << 32 | entity;
        if (agencyClientPairs.get(pair) == 0) {
            agencyClientPairs.increment(pair);
            if (agencyId >= agencyClients.length) {
                agencyClients = Arrays.copyOf(agencyClients, Math.max(agencyId + 1, agencyClients.length * 2));
            }
            agencyClients[agencyId]++;
        }
    }

    private void addPlace(int entity, String address) {
        ChineseAddress place = ChineseAddress.parse(address);
        if (place.streetKey().length() < 4) {
            return;
        }
        buildingTenants.computeIfAbsent(building(place.streetKey()), k -> new HashMap<>(2))
                .merge(place.adminArea(), 1, Integer::sum);
        Place added = new Place(entity, place.adminArea(), address);
        Place first = places.putIfAbsent(place.streetKey(), added);
        if (first != null) {
            Place last = first;
            int size = 1;
            while (last.next != null) {
                last = last.next;
                size++;
            }
            if (size <= MAX_RING) {
                last.next = added;
            }
        }
    }

    public List<Finding> findings() {
        UnionFind uf = new UnionFind(entities.size());
        List<Link> links = new ArrayList<>();
        for (Map.Entry<String, Contact> e : contacts.entrySet()) {
            Contact c = e.getValue();
            if (c.entityCount() < 2 || c.hub || isAgencyContact(c)) {
                continue;
            }
            List<Integer> tied = c.entities();
            for (int other : tied) {
                uf.union(tied.get(0), other);
            }
            String kind = e.getKey().substring(0, e.getKey().indexOf(':'));
            links.add(new Link(kind, e.getKey().substring(kind.length() + 1), tied, c.written()));
        }
        for (Map.Entry<String, Place> e : places.entrySet()) {
            List<Place> bucket = new ArrayList<>(2);
            for (Place p = e.getValue(); p != null; p = p.next) {
                bucket.add(p);
            }
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
        // evidence in a stable order, whatever the maps' order: shared contacts by key, then shared addresses by key
        links.sort(Comparator.comparing((Link l) -> l.kind.equals("address")).thenComparing(l -> l.key));
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
            int[] recs = entityRecords.of(e);
            for (int r : recs) {
                subjects.add(applicationNos.get(r));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("creditCode", a.creditCode());
            m.put("address", a.address());
            m.put("applications", recs.length);
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
        Integer agencyId = agencyIds.get(c.agency);
        return isAgencyContact(c.agency, c.sameAgency, c.filings, agencyId == null ? 0 : agencyClients[agencyId],
                c.entityCount());
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

    /** An agency compared by its folded name without spaces. */
    public static String agencyKey(String agency) {
        return agency == null ? "" : ChineseText.fold(ChineseText.withoutWhitespace(agency));
    }

    /** An entity's registered address under its street key; places of one key are chained in order. */
    private static final class Place {
        final int entity;
        final String area;
        final String written;
        Place next;

        Place(int entity, String area, String written) {
            this.entity = entity;
            this.area = area;
            this.written = written;
        }
    }

    private record Link(String kind, String key, List<Integer> entities, List<String> written) {
    }

    /** Filings sharing one contact key: their entities (up to the hub limit), the agency they went through. */
    private static final class Contact {
        // nearly every key is seen once: the sets are made when a second entity or spelling appears
        private int firstEntity = -1;
        private Set<Integer> entities;
        private String firstWritten;
        private Set<String> written;
        String agency = null;
        int sameAgency;
        int filings;
        boolean hub;

        void add(int representative, String agencyOfFiling, String asWritten) {
            filings++;
            if (agency == null) {
                agency = agencyOfFiling;
            }
            if (agency.equals(agencyOfFiling)) {
                sameAgency++;
            }
            addWritten(asWritten);
            if (!hub && representative >= 0) {
                addEntity(representative);
                if (entityCount() > MAX_RING) {
                    hub = true;
                }
            }
        }

        private void addWritten(String asWritten) {
            if (firstWritten == null) {
                firstWritten = asWritten;
                return;
            }
            if (written == null) {
                if (firstWritten.equals(asWritten)) {
                    return;
                }
                written = new LinkedHashSet<>(4);
                written.add(firstWritten);
            }
            if (written.size() < 5) {
                written.add(asWritten);
            }
        }

        private void addEntity(int entity) {
            if (firstEntity < 0) {
                firstEntity = entity;
                return;
            }
            if (entities == null) {
                if (firstEntity == entity) {
                    return;
                }
                entities = new LinkedHashSet<>(4);
                entities.add(firstEntity);
            }
            entities.add(entity);
        }

        int entityCount() {
            return entities != null ? entities.size() : firstEntity < 0 ? 0 : 1;
        }

        /** The entities in order of first appearance. */
        List<Integer> entities() {
            return entities != null ? new ArrayList<>(entities) : firstEntity < 0 ? List.of() : List.of(firstEntity);
        }

        List<String> written() {
            return written != null ? new ArrayList<>(written) : firstWritten == null ? List.of() : List.of(firstWritten);
        }
    }

    /** Records per entity in input order, as chains in flat arrays (no list per entity). */
    private static final class RecordChains {
        private int[] head = new int[1024];
        private int[] tail = new int[1024];
        private int[] count = new int[1024];
        private int[] record = new int[1024];
        private int[] next = new int[1024];
        private int links;

        void add(int entity, int rec) {
            if (entity >= head.length) {
                int n = Math.max(entity + 1, head.length * 2);
                head = Arrays.copyOf(head, n);
                tail = Arrays.copyOf(tail, n);
                count = Arrays.copyOf(count, n);
            }
            if (links == record.length) {
                record = Arrays.copyOf(record, links * 2);
                next = Arrays.copyOf(next, links * 2);
            }
            int link = links++;
            record[link] = rec;
            next[link] = -1;
            if (count[entity] == 0) {
                head[entity] = link;
            } else {
                next[tail[entity]] = link;
            }
            tail[entity] = link;
            count[entity]++;
        }

        int[] of(int entity) {
            int[] out = new int[entity < count.length ? count[entity] : 0];
            int link = out.length == 0 ? -1 : head[entity];
            for (int i = 0; i < out.length; i++, link = next[link]) {
                out[i] = record[link];
            }
            return out;
        }
    }
}
