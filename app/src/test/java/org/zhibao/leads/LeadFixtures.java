package org.zhibao.leads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhibao.DemoLogins;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.PartyType;
import org.zhibao.identity.Role;
import org.zhibao.identity.SeedAccount;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.party.CreditCode;
import org.zhibao.screening.corpus.PatentCorpusGenerator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Generated filings with planted copies whose applicants are placed on purpose, and accounts to act as. */
final class LeadFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The later copy's applicant: registered in Xihu district (its credit code), writing a Shanghai address. */
    static final String XIHU_CODE = "91330106MA2XH0001".concat(String.valueOf(CreditCode.checkCharacterOf("91330106MA2XH0001")));
    static final String COPY_1 = "CN209900000001";
    static final String COPY_2 = "CN209900000002";

    private LeadFixtures() {
    }

    /**
     * The engine's seeded generator's {@code size} applications, then two copies of the first one (P1_DUPLICATE
     * with it): the first by an applicant whose address is in Hangzhou, the later by one registered in Xihu
     * district; then a line that is not JSON.
     *
     * @return the file; its bad line is number {@code size + 3}
     */
    static Path patents(Path dir, int size, long seed) {
        try {
            Path file = dir.resolve("patents.jsonl");
            new PatentCorpusGenerator(PatentCorpusGenerator.Settings.of(size, seed)).write(file, dir.resolve("truth.jsonl"));
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            ObjectNode original = (ObjectNode) JSON.readTree(lines.get(0));
            lines.add(copy(original, COPY_1, "2025-01-01", "杭州钱塘新材料有限公司", "", "浙江省杭州市上城区解放路1号"));
            lines.add(copy(original, COPY_2, "2025-01-02", "西湖智算科技有限公司", XIHU_CODE, "上海市浦东新区世纪大道100号"));
            lines.add("this line is not JSON");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String copy(ObjectNode original, String no, String date, String applicant, String code, String address) {
        ObjectNode copy = original.deepCopy();
        copy.put("applicationNo", no);
        copy.put("filingDate", date);
        copy.put("contactPhone", "");
        copy.put("contactEmail", "");
        var applicants = copy.putArray("applicants");
        applicants.addObject().put("name", applicant).put("creditCode", code).put("address", address);
        return JSON.writeValueAsString(copy);
    }

    /** Waits (up to three minutes) for a batch run in the background to end, and answers it as it ended. */
    static BatchView awaitEnd(ScreeningBatches batches, long id, ZhibaoUser user) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            BatchView b = batches.find(id, user.jurisdiction()).orElseThrow();
            if (!b.status().active()) {
                return b;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    static ZhibaoUser official(Accounts accounts, String username, String name, OfficeView office, Role... roles) {
        Map<String, String> hashes = new HashMap<>();
        long id = accounts.seed(new SeedAccount(username, name, office.id(), DemoLogins.PASSWORD, DemoLogins.TOTP_SECRET,
                Set.of(roles), null, null), hashes);
        return new ZhibaoUser(id, username, name, office.id(), office.name(), office.jurisdiction(), Set.of(roles));
    }

    static ZhibaoUser publicUser(Accounts accounts, String username, String name) {
        long id = accounts.seed(new SeedAccount(username, name, null, DemoLogins.PASSWORD, null, Set.of(Role.PUBLIC_USER),
                username, PartyType.INDIVIDUAL), new HashMap<>());
        return new ZhibaoUser(id, username, name, null, null, null, Set.of(Role.PUBLIC_USER));
    }
}
