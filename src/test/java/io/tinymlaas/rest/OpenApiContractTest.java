package io.tinymlaas.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document and the routes agree: it is valid, every route is documented, and every documented route answers. */
class OpenApiContractTest {

    @TempDir
    static Path data;

    private static TinymlService service;
    private static RestServer server;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // jobs are queued but not worked here: no route's answer waits for a run
        service = TinymlService.open(Tinyml.forThisProject(), TinymlService.embeddedDatabase(data), "tinyml", "",
                opened -> JobEngine.start(opened, false, "contract-test"));
        server = RestServer.start(service, "127.0.0.1", 0);
        token = service.firstOperatorToken().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).header("Accept", path.endsWith("/events") ? "text/event-stream" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static OpenAPI document() throws Exception {
        SwaggerParseResult parsed = new OpenAPIParser().readContents(send("GET", RestServer.OPENAPI_PATH).body(), null, null);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        return parsed.getOpenAPI();
    }

    private static List<String> documentedRoutes(OpenAPI document) {
        List<String> routes = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> routes.add(method.name() + " " + path)));
        return routes;
    }

    @Test
    void theDocumentIsValidOpenApi3() throws Exception {
        OpenAPI document = document();

        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(document.getComponents().getSecuritySchemes()).containsKey("BearerAuth");
    }

    @Test
    void everyRouteIsDocumentedAndNothingElseIs() throws Exception {
        TreeSet<String> served = new TreeSet<>(server.routes());
        served.removeIf(route -> route.endsWith(" " + RestServer.OPENAPI_PATH));

        assertThat(new TreeSet<>(documentedRoutes(document()))).isEqualTo(served);
    }

    @Test
    void everyDocumentedRouteAnswersWithoutBeingARouteNotFound() throws Exception {
        for (String route : documentedRoutes(document())) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            HttpResponse<String> answer = send(method.toUpperCase(Locale.ROOT), path);
            if (path.endsWith("/events")) {
                assertThat(answer.body()).as(route + " → " + answer.statusCode() + " [" + answer.body() + "]").contains("event: error")
                        .contains(path.startsWith("/api/fleet/") ? "does not hear the fleet" : "no pipeline run with id 1");
                continue;
            }
            JsonNode body = Bodies.JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
            assertThat(body.path("message").asText()).as(route + " → " + answer.statusCode() + " " + answer.body())
                    .doesNotStartWith("no route");
            assertThat(answer.statusCode()).as(route + " → " + answer.body()).isLessThan(500);
        }
    }
}
