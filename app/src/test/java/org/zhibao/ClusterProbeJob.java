package org.zhibao;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A job scheduled every 0.1 s on every instance, locked like the product's jobs: each run that gets the
 * lock writes a row, so the rows count how often it ran across the cluster. Only in the two-instance test.
 */
@Component
@ConditionalOnProperty("zhibao.test.cluster-probe")
class ClusterProbeJob {

    private final JdbcClient jdbc;

    ClusterProbeJob(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelay = 100)
    @SchedulerLock(name = "cluster-probe", lockAtLeastFor = "PT10M")
    void run() {
        jdbc.sql("insert into probe.cluster_probe_run (ran_at) values (now())").update();
    }
}
