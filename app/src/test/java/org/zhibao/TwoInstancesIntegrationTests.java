package org.zhibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of zhibao on one PostgreSQL, as behind a load balancer: a session made on one is valid
 * on the other, a file stored through one is read through the other, and a scheduled job runs once
 * across both.
 */
class TwoInstancesIntegrationTests {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static String[] shared;

    @BeforeAll
    static void startOneDatabaseAndTwoInstances() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "two-instances-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start();
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database zhibao");
        }
        try (var connection = postgres.getDatabase("postgres", "zhibao").getConnection()) {
            connection.createStatement().execute(
                    "create schema probe; create table probe.cluster_probe_run (ran_at timestamptz not null);"
                    + " grant usage on schema probe to public; grant all on probe.cluster_probe_run to public");
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/zhibao?user=postgres";
        // as command-line arguments: they win over application.yml, as an operator's settings would
        // the demo accounts log in below; with an external database they are off unless asked for
        shared = new String[] { "--zhibao.database-url=" + url, "--zhibao.demo-data=true", "--zhibao.data-dir=" + dir,
                "--zhibao.storage-dir=" + dir.resolve("files"), "--zhibao.test.cluster-probe=true",
                "--server.port=0" };
        first = new SpringApplicationBuilder(ZhibaoApplication.class).run(shared);
        second = new SpringApplicationBuilder(ZhibaoApplication.class).run(shared);
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOther() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        String loginPage = client.send(HttpRequest.newBuilder(URI.create(base(first) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        Map<String, String> form = Map.of("username", "zj.officer", "password", DemoLogins.PASSWORD,
                "code", DemoLogins.currentCode(DemoLogins.TOTP_SECRET), "_csrf", csrf.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base(first) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base(second) + "/api/v1/me")).header("Cookie", "SESSION=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"zj.officer\"");
    }

    @Test
    void aFileStoredThroughOneInstanceIsReadThroughTheOther() throws Exception {
        org.zhibao.storage.StoredFile file = first.getBean(org.zhibao.storage.FileStore.class)
                .store(new java.io.ByteArrayInputStream("证据 evidence".getBytes(StandardCharsets.UTF_8)), 1024);
        try (var in = second.getBean(org.zhibao.storage.FileStore.class).open(file)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("证据 evidence");
        }
    }

    @Test
    void anInstanceWithAnotherSecretKeyRefusesToStart() {
        String[] withOtherKey = java.util.Arrays.copyOf(shared, shared.length + 1);
        withOtherKey[shared.length] = "--zhibao.secret-key="
                + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new SpringApplicationBuilder(ZhibaoApplication.class).run(withOtherKey))
                .hasStackTraceContaining("is not the one this database was set up with");
    }

    @Test
    void aScheduledJobRunsOnceAcrossInstances() throws Exception {
        JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
        // both instances schedule the probe every 0.1 s; the database lock (held at least 10 minutes) lets one run
        // through: without it there would be dozens of rows by now
        Thread.sleep(2000);
        assertThat(jdbc.sql("select count(*) from probe.cluster_probe_run").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'cluster-probe'").query(Long.class)
                .single()).isOne();
    }
}
