package org.zhibao.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

/** The pages of the list as an officer and a reporter use them: upload, progress events, leads, Excel, reports. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScreeningBatches batches;
    @Autowired
    Leads leads;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;

    ZhibaoUser officer;
    ZhibaoUser yinzhou;
    ZhibaoUser reporter;
    long batchId;

    @BeforeAll
    void upload(@TempDir Path dir) throws Exception {
        officer = LeadFixtures.official(accounts, "pages.gd", "广东 筛查员", offices.findByRegion(RegionCode.of("440000")).orElseThrow(),
                Role.OFFICER);
        yinzhou = LeadFixtures.official(accounts, "pages.yz", "鄞州 核查员", offices.findByRegion(RegionCode.of("330212")).orElseThrow(),
                Role.OFFICER);
        reporter = LeadFixtures.publicUser(accounts, "pages.reporter@example.com", "举报人甲");
        Path file = LeadFixtures.patents(dir, 600, 13);
        MvcResult result = mvc.perform(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "patents-2026-11-24.jsonl", "application/x-ndjson", Files.readAllBytes(file)))
                .param("kind", "PATENTS").with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/screening/batches/\\d+");
        batchId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (batches.find(batchId, officer.jurisdiction()).orElseThrow().status().active()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("batch did not end");
            }
            Thread.sleep(200);
        }
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(ZhibaoUser user) {
        Authentication a = TestUsers.authentication(user);
        return authentication(a);
    }

    private String page(String path, ZhibaoUser user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theBatchPageShowsTheFinishedRunAndItsUnreadableLine() throws Exception {
        String html = page("/screening/batches/" + batchId, officer);
        assertThat(html).contains("已完成").contains("跳过的行（无法读取或此前已筛查；共 1 行）").contains(">603<");
        // the line that is not JSON is said in the user's language, the parser's English only in its title
        assertThat(html).contains(">不是有效的 JSON 对象（每行应是一件申请的 JSON）<");
        assertThat(page("/screening/batches/" + batchId + "?lang=en", officer)).contains("Done").contains("Skipped lines (unreadable or screened before; 1 in all)")
                .contains(">Not a JSON object (each line should be one filing as JSON)<");
        assertThat(page("/screening/batches", officer)).contains("patents-2026-11-24.jsonl");
    }

    @Test
    void aFileOfTheDailyInboxIsScreenedOnce() throws Exception {
        String file = "patents-demo-2026-11-24.jsonl"; // the demo's first start put it there
        assertThat(page("/screening/batches", officer)).contains(file);
        MvcResult first = mvc.perform(post("/screening/batches/inbox").param("fileName", file).param("kind", "PATENTS")
                .with(csrf()).with(as(officer))).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).matches("/screening/batches/\\d+");
        MvcResult again = mvc.perform(post("/screening/batches/inbox").param("fileName", file).param("kind", "PATENTS")
                .with(csrf()).with(as(officer))).andReturn();
        assertThat((String) again.getFlashMap().get("refusal")).contains("已筛查过");
        MvcResult outside = mvc.perform(post("/screening/batches/inbox").param("fileName", "../secret.key")
                .param("kind", "PATENTS").with(csrf()).with(as(officer))).andReturn();
        assertThat((String) outside.getFlashMap().get("refusal")).contains("收件目录中没有文件");
    }

    @Test
    void theKnownMarkRegisterSaysWhichLinesOfTheUploadItSkipped() throws Exception {
        String known = """
                {"mark":"康师傅","owner":"顶益（开曼岛）控股有限公司","niceClasses":[29,30]}
                {"owner":"无商标的一行"}
                {"mark":"娃哈哈","owner":"杭州娃哈哈集团有限公司","niceClasses":[32]}
                not json
                """;
        MvcResult uploaded = mvc.perform(multipart("/screening/known-marks").file(new MockMultipartFile("file", "known.jsonl",
                "application/x-ndjson", known.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((java.util.Map<String, Object>) uploaded.getFlashMap()).containsEntry("knownMarksCount", 2L).containsEntry("knownMarksSkipped", 2L)
                .containsEntry("knownMarksSkippedLines", "2、4");
        // the redirect followed in the same session, as a browser does (the flash attributes wait there)
        String page = mvc.perform(get("/screening/batches").cookie(uploaded.getResponse().getCookies()).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("上传的文件中有 2 行无法读取，已跳过（第 2、4 行）；其余各行已读入。");
        // the register in force again without the unreadable lines (the trademark tests of this class upload their own)
        mvc.perform(multipart("/screening/known-marks").file(new MockMultipartFile("file", "known.jsonl",
                "application/x-ndjson", known.lines().filter(l -> l.contains("\"mark\"")).collect(java.util.stream.Collectors.joining("\n"))
                        .getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aSquattingLeadShowsTheFiledMarkBesideTheKnownOneWithTheKindOfSimilarity() throws Exception {
        String known = """
                {"mark":"康师傅","owner":"顶益（开曼岛）控股有限公司","niceClasses":[29,30]}
                {"mark":"娃哈哈","owner":"杭州娃哈哈集团有限公司","niceClasses":[32]}
                """;
        mvc.perform(multipart("/screening/known-marks").file(new MockMultipartFile("file", "known.jsonl",
                "application/x-ndjson", known.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection());
        String filings = """
                {"applicationNo":"TM2026100001","filingDate":"2026-03-02","mark":"康帅傅","niceClasses":[30],"goods":["方便面"],"applicant":{"name":"广州仿品食品有限公司","address":"广东省广州市天河区体育西路1号","creditCode":""},"agency":""}
                {"applicationNo":"TM2026100002","filingDate":"2026-03-02","mark":"晨光","niceClasses":[16],"goods":["笔"],"applicant":{"name":"某文具有限公司","address":"广东省深圳市南山区科技园","creditCode":""},"agency":""}
                """;
        MvcResult imported = mvc.perform(multipart("/screening/batches").file(new MockMultipartFile("file", "trademarks.jsonl",
                "application/x-ndjson", filings.getBytes(StandardCharsets.UTF_8))).param("kind", "TRADEMARKS")
                .with(csrf()).with(as(officer))).andReturn();
        String location = imported.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (batches.find(id, officer.jurisdiction()).orElseThrow().status().active() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        LeadSummary lead = leads.list(new LeadFilter("T_SQUAT", null, null, null, null, null, null, id),
                officer.jurisdiction(), 10).get(0);
        assertThat(lead.officeName()).isEqualTo(offices.findByRegion(RegionCode.of("440106")).orElseThrow().name());
        String html = page("/leads/" + lead.id(), officer);
        assertThat(html).contains("data-testid=\"filed-mark\">康帅傅<").contains("data-testid=\"known-mark\">康师傅<")
                .contains("顶益（开曼岛）控股有限公司").contains("data-testid=\"similarity-kind\">字形<");
    }

    @Test
    void progressIsStreamedAsServerSentEventsUntilTheRunEnds() throws Exception {
        MvcResult started = mvc.perform(get("/screening/batches/" + batchId + "/events").with(as(officer)))
                .andExpect(request().asyncStarted()).andReturn();
        String body = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("event:progress").contains("\"status\":\"DONE\"").contains("\"percent\":100");
    }

    @Test
    void aKnownMarkFileSavedAsGbkIsReadAsItsChineseText() throws Exception {
        String known = """
                {"mark":"康师傅","owner":"顶益（开曼岛）控股有限公司","niceClasses":[29,30]}
                {"mark":"娃哈哈","owner":"杭州娃哈哈集团有限公司","niceClasses":[32]}
                """;
        // as Chinese Windows saves text; read as UTF-8 every line would be unreadable
        MvcResult uploaded = mvc.perform(multipart("/screening/known-marks").file(new MockMultipartFile("file", "known-gbk.jsonl",
                "application/x-ndjson", known.getBytes(java.nio.charset.Charset.forName("GBK")))).with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((java.util.Map<String, Object>) uploaded.getFlashMap()).containsEntry("knownMarksCount", 2L)
                .doesNotContainKey("knownMarksSkipped");
        assertThat(batches.knownMarks().orElseThrow().fileName()).isEqualTo("known-gbk.jsonl");
    }

    @Test
    void aFileInAnEncodingNeitherUtf8NorGbkIsRefusedSayingSo() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"applicationNo\":\"CN1\",\"title\":\"".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80});
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.US_ASCII));
        MvcResult result = mvc.perform(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "patents-latin.jsonl", "application/x-ndjson", bytes.toByteArray()))
                .param("kind", "PATENTS").with(csrf()).with(as(officer))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/screening/batches");
        assertThat((String) result.getFlashMap().get("refusal")).contains("不是 UTF-8 编码");
    }

    @Test
    void everyReasonALineIsSkippedIsWordedInBothLanguages() {
        var messages = org.zhibao.TestBundles.of("i18n/leads");
        for (org.zhibao.screening.BadLine.Kind kind : org.zhibao.screening.BadLine.Kind.values()) {
            // a key missing from the English bundle would fall back to the Chinese one
            assertThat(messages.getMessage("leads.batch.line." + kind, new Object[] {"x"}, java.util.Locale.SIMPLIFIED_CHINESE))
                    .as(kind.name()).containsPattern("\\p{IsHan}");
            assertThat(messages.getMessage("leads.batch.line." + kind, new Object[] {"x"}, java.util.Locale.ENGLISH))
                    .as(kind.name()).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void aFileThatIsNoJsonLinesIsRefusedWithAReasonOnThePage() throws Exception {
        MvcResult result = mvc.perform(multipart("/screening/batches")
                .file(new MockMultipartFile("file", "report.pdf", "application/pdf", "%PDF-1.7 binary".getBytes()))
                .param("kind", "PATENTS").with(csrf()).with(as(officer))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/screening/batches");
        assertThat((String) result.getFlashMap().get("refusal")).contains("无法按所选类型读取");
    }

    @Test
    void theListFiltersAndShowsRulesInTheUsersLanguage() throws Exception {
        String zh = page("/leads?batch=" + batchId, officer);
        assertThat(zh).contains("精准管理名单").contains("明显相同的多件申请");
        String en = page("/leads?batch=" + batchId + "&rule=P6_SPLIT&lang=en", officer);
        assertThat(en).contains("Split filing").doesNotContain(">Obviously identical applications</a>");
    }

    @Test
    void aDuplicateLeadShowsBothTextsWithTheSharedPassagesMarked() throws Exception {
        LeadSummary lead = leads.list(new LeadFilter("P1_DUPLICATE", null, null, null, null, null, null, batchId),
                officer.jurisdiction(), 1).get(0);
        String html = page("/leads/" + lead.id(), officer);
        assertThat(html).contains("data-testid=\"left\"").contains("data-testid=\"right\"");
        assertThat(html).containsPattern("<mark class=\"shared shared-\\d\"");
        assertThat(html).contains("相似度");
    }

    @Test
    void aGeneratedTextLeadShowsItsWorstPassagesAndItsMeasuresInTheUsersLanguage() throws Exception {
        ZhibaoUser national = LeadFixtures.official(accounts, "pages.cnipa", "国家局 筛查员",
                offices.findByRegion(RegionCode.of("000000")).orElseThrow(), Role.OFFICER);
        LeadSummary lead = leads.list(new LeadFilter("P4_GENERATED", null, null, null, null, null, null, batchId),
                national.jurisdiction(), 1).get(0);
        String html = page("/leads/" + lead.id(), national);
        assertThat(html).contains("data-testid=\"generated\"").containsPattern("<mark class=\"shared shared-1\"");
        // every measure is named in words, the one the filing is judged against too, never by its evidence key
        assertThat(html).contains("上下文增益").contains("同等长度、同类用字申请的预期值").contains("偏离程度（修正 z 分数）")
                .doesNotContain(">expectedContextGain<").doesNotContain(">zScore<");
        // where the filing stands among the batch's 600: the counts of every measured filing, its z, the cut
        assertThat(html).contains("id=\"z-chart\"").contains("&quot;counts&quot;:[").contains("&quot;limit&quot;:3.5")
                .contains("本批申请的偏离程度分布");
        String chart = org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("(?s).*data-chart=\"([^\"]*)\".*", "$1"));
        tools.jackson.databind.JsonNode data = new tools.jackson.databind.json.JsonMapper().readTree(chart);
        int filings = 0;
        for (tools.jackson.databind.JsonNode c : data.path("counts")) {
            filings += c.asInt();
        }
        assertThat(filings).isBetween(550, 605);
        assertThat(data.path("z").asDouble()).isGreaterThanOrEqualTo(3.5);
        assertThat(page("/leads/" + lead.id() + "?lang=en", national))
                .contains("Expected for filings of this length and vocabulary");
    }

    @Test
    void aSplitFilingLeadCarriesItsLinkGraph() throws Exception {
        LeadSummary lead = leads.list(new LeadFilter("P6_SPLIT", null, null, null, null, null, null, batchId),
                officer.jurisdiction(), 1).get(0);
        String html = page("/leads/" + lead.id(), officer);
        assertThat(html).contains("id=\"split-graph\"").contains("&quot;nodes&quot;").contains("&quot;links&quot;");
    }

    @Test
    void theListExportsToAnExcelWorkbook() throws Exception {
        MvcResult started = mvc.perform(get("/leads/export.xlsx?batch=" + batchId).with(as(officer))).andReturn();
        MvcResult result = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn() : started;
        assertThat(result.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        byte[] xlsx = result.getResponse().getContentAsByteArray();
        StringBuilder xml = new StringBuilder();
        Path workbook = Files.createTempFile("leads", ".xlsx");
        Files.write(workbook, xlsx);
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/")) {
                    xml.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        finally {
            Files.delete(workbook);
        }
        LeadSummary lead = leads.list(new LeadFilter(null, null, null, null, null, null, null, batchId),
                officer.jurisdiction(), 1).get(0);
        // fastexcel writes every non-ASCII character as a character reference
        assertThat(xml).contains(xmlEscaped("规则")).contains(xmlEscaped(lead.applicantName()));
    }

    private static String xmlEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 128 ? Character.toString(c) : "&#x" + Integer.toHexString(c) + ";"));
        return out.toString();
    }

    @Test
    void aReporterIsToldWhatToCorrectAndThenFollowsTheReport() throws Exception {
        String errors = mvc.perform(post("/reports").param("filingKind", "TRADEMARK").param("applicationNo", "TM1")
                .param("rule", "P1_DUPLICATE").param("applicantName", "").param("description", "太短")
                .with(csrf()).with(as(reporter))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("请选择与申请类型相符的行为").contains("请填写申请人名称").contains("至少 10 个字")
                .contains("aria-describedby=\"applicantName-error\"");
        MvcResult filed = mvc.perform(post("/reports").param("filingKind", "TRADEMARK").param("applicationNo", "TM2026000123")
                .param("rule", "T_SQUAT").param("applicantName", "宁波仿冒贸易有限公司")
                .param("applicantAddress", "浙江省宁波市鄞州区天童南路8号")
                .param("description", "该商标与知名品牌读音相同，只改了一个字，明显是抢注。").with(csrf()).with(as(reporter)))
                .andReturn();
        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/reports");
        assertThat(page("/reports", reporter)).contains("TM2026000123").contains("核查中");

        // the office of the applicant's district verifies it
        LeadSummary lead = leads.list(new LeadFilter(null, null, null, "宁波仿冒", null, null, LeadSource.REPORT, null),
                yinzhou.jurisdiction(), 1).get(0);
        assertThat(page("/", yinzhou)).contains("本机构待核查线索");
        assertThat(page("/leads?mine=true&status=OPEN", yinzhou)).contains("宁波仿冒贸易有限公司");
        String html = page("/leads/" + lead.id(), yinzhou);
        assertThat(html).contains("data-testid=\"report\"").contains("只改了一个字").contains("data-testid=\"confirm-form\"");
        MvcResult missing = mvc.perform(post("/leads/" + lead.id() + "/dismiss").param("reasons", " ").with(csrf())
                .with(as(yinzhou))).andReturn();
        assertThat((String) missing.getFlashMap().get("refusal")).isEqualTo("请填写理由。");
        mvc.perform(post("/leads/" + lead.id() + "/confirm").param("reasons", "经比对，读音相同且指定商品相同")
                .param("basis", "《规范商标申请注册行为若干规定》第三条").with(csrf()).with(as(yinzhou)))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/reports", reporter)).contains("已认定");
    }
}
