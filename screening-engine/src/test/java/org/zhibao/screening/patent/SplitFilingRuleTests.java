package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhibao.screening.Applicant;
import org.zhibao.screening.Finding;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Rule;

class SplitFilingRuleTests {

    static PatentRecord filing(String no, String applicant, String address, String agency, String phone, String email) {
        return new PatentRecord(no, "INVENTION", "2024-01-01", "t", "a", "c", List.of(),
                List.of(new Applicant(applicant, address, "")), List.of(), agency, phone, email);
    }

    @Test
    void tiesEntitiesSharingAPhoneAndTheSameAddressWrittenDifferently() {
        List<Finding> findings = SplitFilingRule.screen(List.of(
                filing("A1", "甲公司", "杭州市西湖区文三路90号3楼301室", "", "13800000001", "a@x.com"),
                filing("B1", "乙公司", "北京市海淀区学院路1号", "", "13800000001", "b@x.com"),
                filing("C1", "丙公司", "浙江杭州西湖区文三路90号三层301", "", "13900000009", "c@x.com"),
                filing("D1", "丁公司", "上海市浦东新区东方路8号", "", "13700000007", "d@x.com")));
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.rule()).isEqualTo(Rule.P6_SPLIT);
        assertThat(f.subjects()).containsExactly("A1", "B1", "C1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) f.evidence().get("links");
        assertThat(links).extracting(l -> l.get("kind")).containsExactlyInAnyOrder("phone", "address");
    }

    @Test
    void doesNotTieClientsThroughTheirAgencysPhone() {
        List<PatentRecord> filings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            filings.add(filing("X" + i, "客户" + i, "城市" + i + "路" + i + "号", "某专利代理事务所", "010-88886666", "agent@ip.com"));
        }
        assertThat(SplitFilingRule.screen(filings)).isEmpty();
    }

    @Test
    void doesNotTieCoApplicantsOfOneFiling() {
        PatentRecord joint = new PatentRecord("J1", "INVENTION", "2024-01-01", "t", "a", "c", List.of(),
                List.of(new Applicant("某大学", "", ""), new Applicant("某公司", "", "")), List.of(), "", "13800000001", "");
        assertThat(SplitFilingRule.screen(List.of(joint))).isEmpty();
    }

    @Test
    void sharingARoomInACrowdedBuildingIsNoTie() {
        List<PatentRecord> filings = new ArrayList<>();
        filings.add(filing("R1", "甲公司", "杭州市西湖区文三路90号3楼301室", "", "13800000001", "a@x.com"));
        filings.add(filing("R2", "乙公司", "浙江杭州西湖区文三路90号三层301", "", "13800000002", "b@x.com"));
        // an incubator: more applicants registered at this street and number than any plausible ring
        for (int i = 0; i < SplitFilingRule.MAX_RING; i++) {
            filings.add(filing("T" + i, "租户" + i + "公司", "杭州市西湖区文三路90号" + (i % 20 + 4) + "楼" + (500 + i) + "室",
                    "", "1370000" + String.format("%04d", i), "t" + i + "@x.com"));
        }
        assertThat(SplitFilingRule.screen(filings)).isEmpty();
    }

    @Test
    void theSameStreetAndNumberInOtherCitiesDoesNotMakeABuildingCrowded() {
        List<PatentRecord> filings = new ArrayList<>();
        filings.add(filing("R1", "甲公司", "杭州市西湖区文三路90号3楼301室", "", "13800000001", "a@x.com"));
        filings.add(filing("R2", "乙公司", "浙江杭州西湖区文三路90号三层301", "", "13800000002", "b@x.com"));
        // 文三路90号 written with as many applicants, but in other cities: a different building each
        String[] cities = {"南京市江宁区", "成都市高新区", "武汉市洪山区", "广州市天河区", "西安市雁塔区"};
        for (int i = 0; i < 2 * SplitFilingRule.MAX_RING; i++) {
            filings.add(filing("T" + i, "租户" + i + "公司", cities[i % cities.length] + "文三路90号" + (i % 20 + 4) + "楼"
                    + (500 + i) + "室", "", "1370000" + String.format("%04d", i), "t" + i + "@x.com"));
        }
        List<Finding> findings = SplitFilingRule.screen(filings);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).subjects()).containsExactly("R1", "R2");
    }

    @Test
    void listsTheLinksInAStableOrderSharedContactsByKeyThenAddresses() {
        List<Finding> findings = SplitFilingRule.screen(List.of(
                filing("A1", "甲公司", "杭州市西湖区文三路90号3楼301室", "", "13800000001", "zz@x.com"),
                filing("B1", "乙公司", "北京市海淀区学院路1号", "", "13800000001", "mm@x.com"),
                filing("C1", "丙公司", "上海市浦东新区东方路8号", "", "15900000003", "zz@x.com"),
                filing("D1", "丁公司", "浙江杭州西湖区文三路90号三层301", "", "15900000003", "aa@x.com"),
                filing("E1", "戊公司", "广州市天河区中山路5号", "", "13100000002", "aa@x.com"),
                filing("F1", "己公司", "广州市天河区中山路6号", "", "13100000002", "mm@x.com")));
        assertThat(findings).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) findings.get(0).evidence().get("links");
        assertThat(links).extracting(l -> l.get("key")).containsExactly("13100000002", "13800000001", "15900000003",
                "aa@x.com", "mm@x.com", "zz@x.com",
                "文3路90号3F301"); // numerals in street names are unified too (文三路 → 文3路)
    }
}
