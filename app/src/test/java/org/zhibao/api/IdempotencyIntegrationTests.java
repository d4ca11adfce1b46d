package org.zhibao.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Role;

@IntegrationTest
class IdempotencyIntegrationTests {

    static final String HASH = Idempotency.sha256Of(Map.of("patent", "ZL202310123456.7"));

    @Autowired
    Idempotency idempotency;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void runsTheFirstRequestAndReplaysItsAnswerToARetry() {
        String key = newKey();
        AtomicInteger runs = new AtomicInteger();

        StoredResponse first = idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{\"id\":" + runs.incrementAndGet() + "}"));
        StoredResponse retry = idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{\"id\":" + runs.incrementAndGet() + "}"));

        assertThat(runs).hasValue(1);
        assertThat(first.replayed()).isFalse();
        assertThat(retry).isEqualTo(new StoredResponse(201, "{\"id\":1}", true));
    }

    @Test
    void refusesTheSameKeyForAnotherRequest() {
        String key = newKey();
        idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{}"));

        assertThatThrownBy(() -> idempotency.execute(7, key, Idempotency.sha256Of(Map.of("patent", "other")),
                () -> StoredResponse.of(201, "{}"))).isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void scopesKeysToTheAccount() {
        String key = newKey();
        AtomicInteger runs = new AtomicInteger();
        idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{\"n\":" + runs.incrementAndGet() + "}"));

        StoredResponse other = idempotency.execute(8, key, HASH,
                () -> StoredResponse.of(201, "{\"n\":" + runs.incrementAndGet() + "}"));

        assertThat(other.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void keepsNoKeyWhenTheWorkFailsOrItsTransactionRollsBack() {
        String key = newKey();
        assertThatThrownBy(() -> idempotency.execute(7, key, HASH, () -> {
            throw new IllegalStateException("crash in the middle of the work");
        })).isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(status -> {
            idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{}"));
            status.setRollbackOnly(); // the caller's business work failed after the answer was made
        });

        assertThat(storedKeys(key)).isZero();
        assertThat(idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{\"ran\":true}")).replayed())
                .isFalse();
    }

    @Test
    void runsAgainOnceTheKeyIsADayOld() {
        String key = newKey();
        idempotency.execute(7, key, HASH, () -> StoredResponse.of(201, "{\"old\":true}"));
        jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = :key")
                .param("key", key).update();

        StoredResponse again = idempotency.execute(7, key, Idempotency.sha256Of(Map.of("patent", "other")),
                () -> StoredResponse.of(201, "{\"new\":true}"));

        assertThat(again).isEqualTo(new StoredResponse(201, "{\"new\":true}", false));
        idempotency.deleteExpiredKeys();
        assertThat(storedKeys(key)).isOne();
    }

    @Test
    void runsTwoIdenticalConcurrentRequestsOnce() throws Exception {
        String key = newKey();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredResponse>> answers = List.of(1, 2).stream().map(i -> threads.submit(() -> {
                start.await();
                return idempotency.execute(7, key, HASH, () -> {
                    int run = runs.incrementAndGet();
                    sleep(300); // hold the claim while the other request arrives
                    return StoredResponse.of(201, "{\"run\":" + run + "}");
                });
            })).toList();
            start.countDown();
            StoredResponse a = answers.get(0).get(30, TimeUnit.SECONDS);
            StoredResponse b = answers.get(1).get(30, TimeUnit.SECONDS);

            assertThat(runs).hasValue(1);
            assertThat(a.body()).isEqualTo(b.body()).isEqualTo("{\"run\":1}");
            assertThat(List.of(a.replayed(), b.replayed())).containsExactlyInAnyOrder(true, false);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void hashesTheSameContentAlikeWhateverTheOrderOfItsFields() {
        assertThat(Idempotency.sha256Of(Map.of("a", 1, "b", List.of("x", "y"))))
                .isEqualTo(Idempotency.sha256Of(new java.util.TreeMap<>(Map.of("b", List.of("x", "y"), "a", 1))))
                .isNotEqualTo(Idempotency.sha256Of(Map.of("a", 1, "b", List.of("y", "x"))));
    }

    @Test
    void answersARetryOverHttpWithTheStoredResponseMarkedAsReplayed() throws Exception {
        String key = newKey();
        mvc.perform(submit(key, "{\"b\": 2, \"a\": 1}")).andExpect(status().isCreated())
                .andExpect(header().doesNotExist(Idempotency.REPLAYED_HEADER));
        String first = mvc.perform(submit(key, "{\"a\":1,\"b\":2}")).andExpect(status().isCreated())
                .andExpect(header().string(Idempotency.REPLAYED_HEADER, "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).startsWith("{\"run\":");
    }

    @Test
    void answersAReusedKeyWith422InTheCallersLanguage() throws Exception {
        String key = newKey();
        mvc.perform(submit(key, "{\"a\":1}")).andExpect(status().isCreated());

        mvc.perform(submit(key, "{\"a\":2}")).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已用于另一个")));
        mvc.perform(submit(key, "{\"a\":2}").header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already used")));
        mvc.perform(submit("kéy", "{\"a\":2}")).andExpect(status().isBadRequest());
    }

    MockHttpServletRequestBuilder submit(String key, String json) {
        return post("/test/idempotency").with(TestUsers.official("330000", Role.OFFICER)).with(csrf())
                .header(Idempotency.KEY_HEADER, key).header("X-Test-Account", 42)
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    long storedKeys(String key) {
        return jdbc.sql("select count(*) from idempotency_key where idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
