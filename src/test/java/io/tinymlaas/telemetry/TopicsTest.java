package io.tinymlaas.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void aBridgeMayPublishOnlyItsOwnReportsAndHearOnlyItsOwnCommands() {
        assertThat(Topics.mayPublish("bridge-a", "tinyml/bridges/bridge-a/reports")).isTrue();
        assertThat(Topics.mayPublish("bridge-a", "tinyml/bridges/bridge-b/reports")).isFalse();
        assertThat(Topics.mayPublish("bridge-a", "tinyml/bridges/bridge-a/commands")).isFalse();
        assertThat(Topics.maySubscribe("bridge-a", "tinyml/bridges/bridge-a/commands")).isTrue();
        assertThat(Topics.maySubscribe("bridge-a", Topics.ALL_REPORTS)).isFalse();
        assertThat(Topics.maySubscribe("bridge-a", "tinyml/bridges/bridge-b/commands")).isFalse();
    }

    @Test
    void theServiceMayUseEveryTopic() {
        assertThat(Topics.maySubscribe(Topics.SERVICE_USER, Topics.ALL_REPORTS)).isTrue();
        assertThat(Topics.mayPublish(Topics.SERVICE_USER, Topics.commands("bridge-a"))).isTrue();
    }

    @Test
    void theBridgeOfAReportsTopicIsTheOneItNames() {
        assertThat(Topics.bridgeOfReports(Topics.reports("bridge-a"))).contains("bridge-a");
        assertThat(Topics.bridgeOfReports("tinyml/bridges/a/b/reports")).isEmpty();
        assertThat(Topics.bridgeOfReports("tinyml/bridges//reports")).isEmpty();
        assertThat(Topics.bridgeOfReports(Topics.commands("bridge-a"))).isEmpty();
    }

    @Test
    void mosquittosAclGivesTheServiceEveryBridgesTopicsAndEachBridgeItsOwnTwo() {
        assertThat(Topics.mosquittoAcl().lines()).containsExactly("user tinyml-service", "topic readwrite tinyml/bridges/#", "",
                "pattern write tinyml/bridges/%u/reports", "pattern read tinyml/bridges/%u/commands");
    }
}
