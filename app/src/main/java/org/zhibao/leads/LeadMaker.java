package org.zhibao.leads;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.party.CreditCode;
import org.zhibao.region.RegionCode;
import org.zhibao.region.Regions;

import tools.jackson.databind.JsonNode;

/**
 * Makes a lead and assigns it to the office of the applicant's region: the region its credit code was
 * registered in, else the one its address names, else the country; the office is that region's own or, where it
 * has none, its nearest ancestor's. Whose lead it is follows the rule: the later-filed copy of a duplicate
 * group, the combined application, the generated text, the squatting or hoarding applicant, and for split
 * filings the entity that filed most of the cluster.
 */
@Component
class LeadMaker {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Offices offices;

    LeadMaker(JdbcClient jdbc, Regions regions, Offices offices) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.offices = offices;
    }

    /** A finding not yet made a lead. */
    record PendingFinding(long id, String rule, List<String> subjects, double score, String evidence) {
    }

    /** The applicant a lead is about. */
    record Applicant(String name, String creditCode, String address, String agency) {
    }

    /** Where a lead goes. */
    record Assignment(RegionCode region, OfficeView office) {
    }

    long fromFinding(long batchId, PendingFinding f, Map<String, JsonNode> records) {
        JsonNode evidence = ScreeningBatches.JSON.readTree(f.evidence());
        Applicant applicant = applicantOf(f, evidence, records);
        Assignment to = assign(applicant.creditCode(), applicant.address());
        long leadId = jdbc.sql("""
                insert into lead (source, batch_id, finding_id, rule, score, subjects, evidence, applicant_name,
                    applicant_code, agency, region_code, office_id, office_region, status)
                values ('SCREENING', :batch, :finding, :rule, :score, :subjects, cast(:evidence as jsonb), :name, :code,
                    :agency, :region, :office, :officeRegion, 'OPEN')
                returning id""")
                .param("batch", batchId).param("finding", f.id()).param("rule", f.rule()).param("score", f.score())
                .param("subjects", f.subjects().toArray(String[]::new)).param("evidence", f.evidence())
                .param("name", applicant.name()).param("code", blankToNull(applicant.creditCode()))
                .param("agency", blankToNull(applicant.agency())).param("region", to.region().value())
                .param("office", to.office().id()).param("officeRegion", to.office().regionCode().value())
                .query(Long.class).single();
        jdbc.sql("update screening_finding set lead_id = :lead where id = :id").param("lead", leadId)
                .param("id", f.id()).update();
        jdbc.sql("insert into lead_event (lead_id, actor, office_id, action, note) values (:lead, 'system', :office, 'created', null)")
                .param("lead", leadId).param("office", to.office().id()).update();
        return leadId;
    }

    Assignment assign(String creditCode, String address) {
        RegionCode region = CreditCode.parse(creditCode == null ? "" : creditCode)
                .flatMap(CreditCode::registeredIn)
                .filter(regions::exists)
                .or(() -> regions.locate(address))
                .orElse(RegionCode.NATIONAL);
        OfficeView office = offices.responsibleFor(region)
                .orElseThrow(() -> new IllegalStateException("No national office to assign leads to"));
        return new Assignment(region, office);
    }

    static Applicant applicantOf(PendingFinding f, JsonNode evidence, Map<String, JsonNode> records) {
        if (f.rule().equals("P6_SPLIT") && evidence.has("entities")) {
            JsonNode top = null;
            for (JsonNode e : evidence.get("entities")) {
                if (top == null || e.path("applications").asInt() > top.path("applications").asInt()) {
                    top = e;
                }
            }
            if (top != null) {
                String agency = records.values().stream().map(r -> text(r, "agency")).filter(a -> !a.isBlank())
                        .findFirst().orElse("");
                return new Applicant(text(top, "name"), text(top, "creditCode"), text(top, "address"), agency);
            }
        }
        String subject = f.subjects().get(0);
        if (f.rule().equals("P1_DUPLICATE")) {
            // the copy is the later filing of the group
            subject = f.subjects().stream().filter(records::containsKey)
                    .max(Comparator.comparing((String s) -> text(records.get(s), "filingDate")).thenComparing(s -> s))
                    .orElse(subject);
        }
        JsonNode record = records.get(subject);
        if (record == null) {
            return new Applicant(subject, null, null, null);
        }
        JsonNode applicant = record.has("applicants") ? record.path("applicants").path(0) : record.path("applicant");
        String name = text(applicant, "name");
        return new Applicant(name.isBlank() ? subject : name, text(applicant, "creditCode"), text(applicant, "address"),
                text(record, "agency"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Optional<String> nonBlank(String s) {
        return Optional.ofNullable(blankToNull(s));
    }
}
