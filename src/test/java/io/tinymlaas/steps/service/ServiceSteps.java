package io.tinymlaas.steps.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps every service feature shares: the running server, tokens, plain requests and the answer's status. */
public class ServiceSteps {

    private final Api api;

    public ServiceSteps(Api api) {
        this.api = api;
    }

    @Given("the TinyMLaaS service is running on its registry database")
    public void theServiceIsRunning() {
        Api.Answer health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("database").asText())
                .isEqualTo(RunningService.onPostgresql() ? "PostgreSQL" : "H2");
    }

    @Given("I use the first operator's token")
    public void useTheFirstOperatorsToken() {
        api.useToken(api.service.operatorToken);
    }

    @Given("the operator has made a {string} token for {string}")
    public void theOperatorMadeAToken(String role, String name) {
        api.useToken(api.service.operatorToken);
        Api.Answer made = api.post("/api/tokens", Map.of("name", name, "role", role));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("role").asText()).isEqualTo(role);
        api.useToken(made.json().get("token").asText());
    }

    @Given("I use the token {string}")
    public void useTheToken(String token) {
        api.useToken(token);
    }

    @Given("I use no token")
    public void useNoToken() {
        api.useToken(null);
    }

    @When("I get {string}")
    public void get(String path) {
        api.get(path);
    }

    @When("I post to {string} the body {}")
    public void postTheBody(String path, String body) {
        api.post(path, body);
    }

    @When("I post a body of {int} MB to {string}")
    public void postALargeBody(int megabytes, String path) {
        api.post(path, "{\"name\":\"" + "x".repeat(megabytes * 1024 * 1024) + "\"}");
    }

    @Then("the answer is {int}")
    public void theAnswerIs(int status) {
        assertThat(api.last().status()).as(api.last().body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(api.last().json().get("status").asInt()).isEqualTo(status);
            assertThat(api.last().json().get("message").asText()).isNotBlank();
        }
    }

    @Then("the answer is {int} with a message naming {string}")
    public void theAnswerNames(int status, String named) {
        theAnswerIs(status);
        assertThat(api.last().json().get("message").asText()).contains(named);
    }

    @Then("the answer is 400 naming the field {string}")
    public void theAnswerNamesTheField(String field) {
        theAnswerIs(400);
        assertThat(api.last().json().get("field").asText()).isEqualTo(field);
    }

    @Then("the answer is 403 naming the role {string}")
    public void theAnswerNamesTheRole(String role) {
        theAnswerIs(403);
        assertThat(api.last().json().get("role").asText()).isEqualTo(role);
        assertThat(api.last().json().get("message").asText()).contains("needs the " + role + " role");
    }
}
