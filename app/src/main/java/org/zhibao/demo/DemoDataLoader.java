package org.zhibao.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.PartyType;
import org.zhibao.identity.Role;
import org.zhibao.identity.SeedAccount;
import org.zhibao.office.CreateOffice;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/**
 * Loads the demo offices and accounts ({@code demo/offices.csv}, {@code demo/accounts.csv}) on the first
 * start of an empty database. Instances starting together take a database lock, so it happens once.
 */
@Component
@ConditionalOnProperty(name = "zhibao.demo-data", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    /** Documented in the README: demo only. */
    static final String PASSWORD = "Demo#2026zhibao";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Offices offices;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoDataLoader(Offices offices, Accounts accounts, JdbcClient jdbc, TransactionTemplate transaction) {
        this.offices = offices;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('zhibao-demo-data'))").query().singleValue();
            if (offices.findByRegion(RegionCode.NATIONAL).isPresent()) {
                return;
            }
            Map<String, Long> officeIds = new HashMap<>();
            for (String[] row : csv("demo/offices.csv")) {
                OfficeView office = offices.create(new CreateOffice(RegionCode.of(row[0]), row[1], row[2]),
                        Jurisdiction.national());
                officeIds.put(row[0], office.id());
            }
            Map<String, String> hashes = new HashMap<>();
            List<String[]> rows = csv("demo/accounts.csv");
            for (String[] row : rows) {
                Set<Role> roles = Arrays.stream(row[3].split(" ")).map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                Long officeId = row[2].isEmpty() ? null : officeIds.get(row[2]);
                boolean official = officeId != null;
                accounts.seed(new SeedAccount(row[0], row[1], officeId, PASSWORD, official ? TOTP_SECRET : null,
                        roles, row[4].isEmpty() ? null : row[4], row[5].isEmpty() ? null : PartyType.valueOf(row[5])),
                        hashes);
            }
            log.info("Demo data loaded: {} offices, {} accounts", officeIds.size(), rows.size());
        });
    }

    private static List<String[]> csv(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
