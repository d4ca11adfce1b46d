package org.zhibao.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

import tools.jackson.databind.node.ObjectNode;

/**
 * Patent batches screened against every patent filing screened before: a copy in today's batch of a filing of an
 * earlier batch is found, and a batch whose filings did not reach the index is added to it before the next one.
 */
@IntegrationTest
@TestPropertySource(properties = "zhibao.screening.against-earlier-batches=true")
class EarlierBatchesTests {

    @Autowired
    ScreeningBatches batches;
    @Autowired
    Leads leads;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Value("${zhibao.screening.patent-index-dir}")
    Path index;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCopyOfAFilingOfAnEarlierBatchIsFoundInTheNextAndARepeatedFilingIsNotScreenedAgain() throws Exception {
        ZhibaoUser national = as(LeadFixtures.official(accounts, "earlier.national", "国家局 核查员",
                offices.findByRegion(RegionCode.of("000000")).orElseThrow(), Role.OFFICER));
        List<String> first = Files.readAllLines(LeadFixtures.patents(Files.createDirectories(dir.resolve("a")), 300, 21), StandardCharsets.UTF_8);
        BatchView a = run(first, "day-1.jsonl", national);
        assertThat(a.status()).isEqualTo(BatchStatus.DONE);
        assertThat(indexed(a.id())).isTrue();

        ObjectNode original = (ObjectNode) LeadFixtures.JSON.readTree(first.get(10));
        String originalNo = original.get("applicationNo").asString();
        BatchView b = run(dayTwo(first.get(10), original), "day-2.jsonl", national);
        assertThat(b.status()).isEqualTo(BatchStatus.DONE);
        // the copy of day 1's filing is found, and the lead keeps both texts (day 1's from the index)
        LeadSummary lead = leads.list(new LeadFilter("P1_DUPLICATE", null, null, "次日复制", null, null, null, b.id()),
                national.jurisdiction(), 10).get(0);
        LeadView view = leads.find(lead.id(), national).orElseThrow();
        assertThat(view.subjects()).containsExactly(originalNo, "CN209800000001");
        assertThat(view.filingsJson()).containsKeys(originalNo, "CN209800000001");
        // day 1's filing given again is not screened again: it is reported with its line, in the user's language
        assertThat(b.badLines()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(2);
            assertThat(line.kind()).isEqualTo("SCREENED_BEFORE");
            assertThat(line.applicationNo()).isEqualTo(originalNo);
        });
        assertThat(page("/screening/batches/" + b.id(), national)).contains("申请 " + originalNo + " 已在此前的批次中筛查过");
        assertThat(page("/screening/batches/" + b.id() + "?lang=en", national))
                .contains("Application " + originalNo + " was screened in an earlier batch");
        assertThat(b.findings()).isPositive();
    }

    @Test
    void aBatchWhoseFilingsDidNotReachTheIndexIsAddedToItBeforeTheNextIsScreened() throws Exception {
        ZhibaoUser national = as(LeadFixtures.official(accounts, "earlier.national2", "国家局 核查员",
                offices.findByRegion(RegionCode.of("000000")).orElseThrow(), Role.OFFICER));
        List<String> first = new ArrayList<>();
        for (String line : Files.readAllLines(LeadFixtures.patents(Files.createDirectories(dir.resolve("c")), 200, 23), StandardCharsets.UTF_8)) {
            // numbers of their own: the other test's batches are in the same index
            first.add(line.replace("\"CN2024", "\"CN2097").replace("\"CN2099", "\"CN2096"));
        }
        BatchView c = run(first, "day-1.jsonl", national);
        // the server stopped after the findings were committed, before the filings reached the index
        jdbc.sql("update screening_batch set indexed = false where id = :id").param("id", c.id()).update();
        deleteRecursively(index);

        ObjectNode original = (ObjectNode) LeadFixtures.JSON.readTree(first.get(3));
        BatchView d = run(List.of(copy(original, "CN209800000002")), "day-2.jsonl", national);
        assertThat(indexed(c.id())).isTrue();
        assertThat(indexed(d.id())).isTrue();
        assertThat(d.findings()).isPositive();
        assertThat(leads.list(new LeadFilter("P1_DUPLICATE", null, null, null, null, null, null, d.id()),
                national.jurisdiction(), 10)).singleElement()
                .satisfies(l -> assertThat(leads.find(l.id(), national).orElseThrow().subjects())
                        .containsExactly(original.get("applicationNo").asString(), "CN209800000002"));
    }

    /** Day 2: an unrelated filing, day 1's filing again, an edited copy of it by another applicant. */
    private static List<String> dayTwo(String repeated, ObjectNode original) {
        ObjectNode other = original.deepCopy();
        other.put("applicationNo", "CN209800000009");
        other.put("title", "一种茶叶揉捻机");
        other.put("abstract", "本发明公开一种茶叶揉捻机，包括机架、揉桶和压盖，压盖由气缸驱动，揉捻压力随茶叶含水率自动变化。");
        other.put("claims", "1. 一种茶叶揉捻机，其特征在于，包括机架、揉桶和压盖。");
        return List.of(LeadFixtures.JSON.writeValueAsString(other), repeated, copy(original, "CN209800000001"));
    }

    private static String copy(ObjectNode original, String no) {
        ObjectNode copy = original.deepCopy();
        copy.put("applicationNo", no);
        copy.put("filingDate", "2025-03-01");
        copy.put("contactPhone", "");
        copy.put("contactEmail", "");
        copy.putArray("applicants").addObject().put("name", "次日复制科技有限公司").put("creditCode", "")
                .put("address", "浙江省杭州市西湖区文三路90号");
        return LeadFixtures.JSON.writeValueAsString(copy);
    }

    private BatchView run(List<String> lines, String name, ZhibaoUser officer) throws Exception {
        Path file = Files.write(dir.resolve(name + System.nanoTime()), lines, StandardCharsets.UTF_8);
        long id;
        try (InputStream in = Files.newInputStream(file)) {
            id = batches.importUpload(BatchKind.PATENTS, name, in, officer);
        }
        return LeadFixtures.awaitEnd(batches, id, officer);
    }

    private String page(String path, ZhibaoUser user) throws Exception {
        return mvc.perform(get(path).with(LeadPagesTests.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean indexed(long batchId) {
        return jdbc.sql("select indexed from screening_batch where id = :id").param("id", batchId)
                .query(Boolean.class).single();
    }

    private static ZhibaoUser as(ZhibaoUser user) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication(user));
        return user;
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
