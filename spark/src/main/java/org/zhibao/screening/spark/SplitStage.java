package org.zhibao.screening.spark;

import static org.zhibao.screening.patent.SplitFilingRule.MAX_RING;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.zhibao.screening.ChineseAddress;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Rule;
import org.zhibao.screening.UnionFind;
import org.zhibao.screening.patent.SplitFilingRule;
import scala.Tuple2;

/**
 * P6 on Spark: the engine's {@code SplitFilingRule} partitioned by its candidate keys. Each contact key (phone,
 * e-mail) and each street key is one group, replayed in input order exactly as the rule's state evolves
 * (first agency, filings through it, hub cut-off at {@code MAX_RING} entities) and decided by the rule's own
 * {@code SplitFilingRule.isAgencyContact} and many-tenant test; the agency client counts
 * (a few thousand agencies) are broadcast. Only the surviving links go to the driver, where union-find over the
 * linked entities makes the groups; subjects and member details are then fetched for the grouped entities only.
 * Entities are applicants by {@code Applicant.identity()}; their order is first appearance in the input, as in the
 * engine (which decides the member order and each entity's address as first written).
 */
final class SplitStage {

    private final JavaSparkContext sc;
    private final int partitions;

    SplitStage(JavaSparkContext sc, int partitions) {
        this.sc = sc;
        this.partitions = partitions;
    }

    /** One appearance of an applicant: where (line index × 1024 + position), as written, on which filing. */
    record Occurrence(long order, String name, String address, String creditCode, String applicationNo, int count)
            implements Serializable {
    }

    /** One use of a contact key on a filing: its representative (first applicant) if any, agency, as written. */
    record Use(long line, String representative, String agency, String written) implements Serializable {
    }

    /** A tie the rule accepts: kind, key, entities (identities), as written, and the unions it makes. */
    record Link(String kind, String key, List<String> entities, List<String> written, List<String[]> unions)
            implements Serializable {
    }

    record Place(long order, String identity, String area, String written) implements Serializable {
    }

    List<Finding> run(JavaRDD<Doc> docs) {
        JavaPairRDD<String, Occurrence> occurrences = docs.flatMapToPair(d -> {
            List<Tuple2<String, Occurrence>> out = new ArrayList<>();
            for (int p = 0; p < d.applicants.length; p++) {
                String[] a = d.applicants[p];
                out.add(new Tuple2<>(a[0], new Occurrence(d.id * 1024 + p, a[1], a[2], a[3], d.applicationNo, 1)));
            }
            return out.iterator();
        });
        // each entity as first written, and how many times it appears
        JavaPairRDD<String, Occurrence> entities = occurrences.reduceByKey((x, y) -> {
            Occurrence first = x.order() <= y.order() ? x : y;
            return new Occurrence(first.order(), first.name(), first.address(), first.creditCode(), first.applicationNo(),
                    x.count() + y.count());
        }, partitions);

        Map<String, Long> clients = new HashMap<>(docs
                .flatMapToPair(d -> {
                    List<Tuple2<String, String>> out = new ArrayList<>();
                    if (!d.agencyKey.isEmpty()) {
                        for (String[] a : d.applicants) {
                            out.add(new Tuple2<>(d.agencyKey, a[0]));
                        }
                    }
                    return out.iterator();
                })
                .distinct(partitions)
                .countByKey());
        Broadcast<Map<String, Long>> agencyClients = sc.broadcast(clients);

        JavaRDD<Link> contactLinks = docs
                .flatMapToPair(d -> {
                    List<Tuple2<String, Use>> out = new ArrayList<>(2);
                    String representative = d.applicants.length == 0 ? null : d.applicants[0][0];
                    if (!d.phoneKey.isEmpty()) {
                        out.add(new Tuple2<>("phone:" + d.phoneKey, new Use(d.id, representative, d.agencyKey, d.phone)));
                    }
                    if (!d.emailKey.isEmpty()) {
                        out.add(new Tuple2<>("email:" + d.emailKey, new Use(d.id, representative, d.agencyKey, d.email)));
                    }
                    return out.iterator();
                })
                .groupByKey(partitions)
                .flatMap(t -> {
                    Link l = contactLink(t._1(), t._2(), agencyClients.value());
                    return (l == null ? List.<Link>of() : List.of(l)).iterator();
                });

        // buildings (street and number) where more applicants are registered than any ring, counted per area
        // written: the engine's many-tenant rule (an incubator or office tower). Only a building with more tenants
        // in all its areas together can be crowded in one; few by construction, broadcast
        Map<String, Map<String, Integer>> crowded = new HashMap<>();
        entities
                .flatMapToPair(t -> {
                    ChineseAddress place = ChineseAddress.parse(t._2().address());
                    return place.streetKey().length() < 4 ? List.<Tuple2<Tuple2<String, String>, Integer>>of().iterator()
                            : List.of(new Tuple2<>(new Tuple2<>(SplitFilingRule.building(place.streetKey()),
                                    place.adminArea()), 1)).iterator();
                })
                .reduceByKey(Integer::sum, partitions)
                .mapToPair(t -> new Tuple2<>(t._1()._1(), new Tuple2<>(t._1()._2(), t._2())))
                .groupByKey(partitions)
                .filter(t -> {
                    int all = 0;
                    for (Tuple2<String, Integer> area : t._2()) {
                        all += area._2();
                    }
                    return all > MAX_RING;
                })
                .collect()
                .forEach(t -> {
                    Map<String, Integer> byArea = new HashMap<>();
                    t._2().forEach(area -> byArea.put(area._1(), area._2()));
                    crowded.put(t._1(), byArea);
                });
        Broadcast<Map<String, Map<String, Integer>>> crowdedBuildings = sc.broadcast(crowded);

        JavaRDD<Link> placeLinks = entities
                .flatMapToPair(t -> {
                    ChineseAddress place = ChineseAddress.parse(t._2().address());
                    if (place.streetKey().length() < 4) {
                        return List.<Tuple2<String, Place>>of().iterator();
                    }
                    return List.of(new Tuple2<>(place.streetKey(), new Place(t._2().order(), t._1(), place.adminArea(),
                            t._2().address()))).iterator();
                })
                .groupByKey(partitions)
                .flatMap(t -> {
                    Link l = placeLink(t._1(), t._2(),
                            crowdedBuildings.value().getOrDefault(SplitFilingRule.building(t._1()), Map.of()));
                    return (l == null ? List.<Link>of() : List.of(l)).iterator();
                });

        List<Link> links = new ArrayList<>(contactLinks.collect());
        links.sort((x, y) -> x.key().compareTo(y.key()));
        List<Link> places = new ArrayList<>(placeLinks.collect());
        places.sort((x, y) -> x.key().compareTo(y.key()));
        links.addAll(places);
        agencyClients.destroy();
        crowdedBuildings.destroy();
        if (links.isEmpty()) {
            return List.of();
        }
        return findings(links, occurrences, entities);
    }

    /** The engine's Contact replayed in input order, then its acceptance test. */
    static Link contactLink(String key, Iterable<Use> uses, Map<String, Long> agencyClients) {
        List<Use> sorted = new ArrayList<>();
        uses.forEach(sorted::add);
        sorted.sort((x, y) -> Long.compare(x.line(), y.line()));
        Set<String> entities = new LinkedHashSet<>();
        Set<String> written = new LinkedHashSet<>();
        String agency = null;
        int sameAgency = 0;
        int filings = 0;
        boolean hub = false;
        for (Use u : sorted) {
            filings++;
            if (agency == null) {
                agency = u.agency();
            }
            if (agency.equals(u.agency())) {
                sameAgency++;
            }
            if (written.size() < 5) {
                written.add(u.written());
            }
            if (!hub) {
                if (u.representative() != null) {
                    entities.add(u.representative());
                }
                if (entities.size() > MAX_RING) {
                    hub = true;
                }
            }
        }
        if (entities.size() < 2 || hub) {
            return null;
        }
        if (SplitFilingRule.isAgencyContact(agency, sameAgency, filings, agencyClients.getOrDefault(agency, 0L),
                entities.size())) {
            return null;
        }
        List<String> members = new ArrayList<>(entities);
        List<String[]> unions = new ArrayList<>();
        for (String other : members) {
            unions.add(new String[] {members.get(0), other});
        }
        String kind = key.substring(0, key.indexOf(':'));
        return new Link(kind, key.substring(kind.length() + 1), members, new ArrayList<>(written), unions);
    }

    /** The engine's address bucket: entities by first appearance, at most MAX_RING, pairs in compatible areas. */
    static Link placeLink(String key, Iterable<Place> placesOfKey, Map<String, Integer> buildingTenants) {
        List<Place> bucket = new ArrayList<>();
        placesOfKey.forEach(bucket::add);
        if (bucket.size() < 2 || bucket.size() > MAX_RING) {
            return null;
        }
        bucket.sort((x, y) -> Long.compare(x.order(), y.order()));
        Set<Integer> linked = new TreeSet<>();
        Set<String> written = new LinkedHashSet<>();
        List<String[]> unions = new ArrayList<>();
        for (int i = 0; i < bucket.size(); i++) {
            for (int j = i + 1; j < bucket.size(); j++) {
                Place a = bucket.get(i);
                Place b = bucket.get(j);
                if (ChineseAddress.compatibleAreas(a.area(), b.area()) && !SplitFilingRule.manyTenants(buildingTenants,
                        a.area().length() >= b.area().length() ? a.area() : b.area())) {
                    unions.add(new String[] {a.identity(), b.identity()});
                    linked.add(i);
                    linked.add(j);
                    written.add(a.written());
                    written.add(b.written());
                }
            }
        }
        if (linked.isEmpty()) {
            return null;
        }
        return new Link("address", key, linked.stream().map(i -> bucket.get(i).identity()).toList(), new ArrayList<>(written),
                unions);
    }

    /** Union-find over the linked entities (driver), then the groups' members and filings fetched from the cluster. */
    private List<Finding> findings(List<Link> links, JavaPairRDD<String, Occurrence> occurrences,
                                   JavaPairRDD<String, Occurrence> entities) {
        Set<String> linked = new HashSet<>();
        links.forEach(l -> linked.addAll(l.entities()));
        Broadcast<Set<String>> wanted = sc.broadcast(linked);
        Map<String, Occurrence> firsts = new HashMap<>(entities.filter(t -> wanted.value().contains(t._1())).collectAsMap());
        wanted.destroy();
        List<String> ids = new ArrayList<>(firsts.keySet());
        ids.sort((x, y) -> Long.compare(firsts.get(x).order(), firsts.get(y).order()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        UnionFind uf = new UnionFind(ids.size());
        for (Link l : links) {
            for (String[] u : l.unions()) {
                uf.union(index.get(u[0]), index.get(u[1]));
            }
        }
        List<int[]> groups = uf.groups();
        Set<String> grouped = new HashSet<>();
        for (int[] g : groups) {
            for (int e : g) {
                grouped.add(ids.get(e));
            }
        }
        Broadcast<Set<String>> inGroups = sc.broadcast(grouped);
        Map<String, List<String>> filings = new HashMap<>();
        for (Tuple2<String, String> t : occurrences.filter(o -> inGroups.value().contains(o._1()))
                .mapToPair(o -> new Tuple2<>(o._1(), o._2().applicationNo())).collect()) {
            filings.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
        }
        inGroups.destroy();

        Map<Integer, List<Link>> linksByGroup = new HashMap<>();
        for (Link l : links) {
            linksByGroup.computeIfAbsent(uf.find(index.get(l.entities().get(0))), k -> new ArrayList<>()).add(l);
        }
        List<Finding> out = new ArrayList<>();
        for (int[] group : groups) {
            out.add(finding(group, ids, firsts, filings, linksByGroup.getOrDefault(uf.find(group[0]), List.of())));
        }
        return out;
    }

    /** The engine's finding: the same subjects, members, link evidence, kinds and score. */
    private static Finding finding(int[] group, List<String> ids, Map<String, Occurrence> firsts,
                                   Map<String, List<String>> filings, List<Link> links) {
        Set<String> subjects = new TreeSet<>();
        List<Map<String, Object>> members = new ArrayList<>();
        for (int e : group) {
            Occurrence a = firsts.get(ids.get(e));
            List<String> recs = filings.getOrDefault(ids.get(e), List.of());
            subjects.addAll(recs);
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
            kinds.add(l.kind());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", l.kind());
            m.put("key", l.key());
            m.put("writtenAs", l.written().stream().limit(5).toList());
            m.put("entities", l.entities().stream().map(e -> firsts.get(e).name()).toList());
            linkEvidence.add(m);
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("entities", members);
        evidence.put("links", linkEvidence);
        evidence.put("linkKinds", new ArrayList<>(kinds));
        evidence.put("applications", subjects.size());
        double score = 1 - Math.pow(0.5, kinds.size() + Math.min(3, group.length - 1));
        return new Finding(Rule.P6_SPLIT, new ArrayList<>(subjects), score, evidence);
    }
}
