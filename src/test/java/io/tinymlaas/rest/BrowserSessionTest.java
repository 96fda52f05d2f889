package io.tinymlaas.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.jobs.JobEngine;
import io.tinymlaas.store.Token;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsers sign in once and then call the API with a session cookie, with the same roles as the token it holds. */
class BrowserSessionTest {

    @TempDir
    static Path data;

    private static TinymlService service;
    private static RestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = TinymlService.open(Tinyml.forThisProject(), TinymlService.embeddedDatabase(data), "tinyml", "",
                opened -> JobEngine.start(opened, false, "session-test"));
        server = RestServer.start(service, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    private static String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpResponse<String> send(String method, String path, String body, String cookie) throws Exception {
        return send(method, path, body, cookie, origin());
    }

    private static HttpResponse<String> send(String method, String path, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path)).header("Origin", origin)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signIn(String token) throws Exception {
        HttpResponse<String> answer = send("POST", "/api/session", "{\"token\":\"" + token + "\"}", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.headers().firstValue("Set-Cookie").orElseThrow();
    }

    private static String cookieOf(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieForTheApiOnly() throws Exception {
        String setCookie = signIn(service.createToken("Olga", Token.Role.OPERATOR));

        assertThat(setCookie).startsWith(SessionRoutes.COOKIE + "=tml_").contains("Path=/api").contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    @Test
    void theCookieAuthenticatesWithTheRoleOfItsToken() throws Exception {
        String viewer = cookieOf(signIn(service.createToken("Vera", Token.Role.VIEWER)));

        assertThat(send("GET", "/api/session", "", viewer).body()).isEqualTo("{\"name\":\"Vera\",\"role\":\"viewer\"}");
        assertThat(send("GET", "/api/devices", "", viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("POST", "/api/devices", "{\"name\":\"n\",\"board\":\"sparkfun_edge\",\"transport\":\"emulator\"}", viewer);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("this needs the operator role");
    }

    @Test
    void aWrongTokenIsRefusedAtSignInAndAnUnknownCookieAsksToSignInAgain() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/session", "{\"token\":\"tml_made_up\"}", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> stale = send("GET", "/api/devices", "", SessionRoutes.COOKIE + "=tml_made_up");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("sign in again");
    }

    @Test
    void aChangeSentWithTheCookieFromAnotherSitesPageIsRefused() throws Exception {
        String operator = cookieOf(signIn(service.createToken("Otto", Token.Role.OPERATOR)));
        String device = "{\"name\":\"%s\",\"board\":\"sparkfun_edge\",\"transport\":\"emulator\"}";

        HttpResponse<String> forged = send("POST", "/api/devices", device.formatted("forged"), operator, "http://evil.example");
        HttpResponse<String> own = send("POST", "/api/devices", device.formatted("from the panel"), operator);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("a page from http://evil.example cannot use this browser's session");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(send("GET", "/api/devices", "", operator, "http://evil.example").body()).doesNotContain("forged");
        assertThat(send("POST", "/api/session", "{\"token\":\"" + service.createToken("Eve", Token.Role.VIEWER) + "\"}", null,
                "http://evil.example").statusCode()).as("signing a browser in from another site").isEqualTo(403);
    }

    @Test
    void signingOutClearsTheCookie() throws Exception {
        HttpResponse<String> out = send("DELETE", "/api/session", "", null);

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(SessionRoutes.COOKIE + "=;").contains("Max-Age=0");
    }

    @Test
    void thePagesAreServedWithAPolicyThatRunsOnlyTheServersOwnScripts() throws Exception {
        HttpResponse<String> panel = send("GET", "/panel/", "", null);

        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("<script type=\"module\" src=\"/panel/panel.js\"></script>");
        assertThat(panel.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void theDashboardLoadsItsChartingLibraryFromThisServerUnderTheSamePolicy() throws Exception {
        HttpResponse<String> dashboard = send("GET", "/dashboard/", "", null);
        HttpResponse<String> library = send("GET", "/lib/echarts/dist/echarts.common.min.js", "", null);

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<script src=\"/lib/echarts/dist/echarts.common.min.js\"></script>")
                .doesNotContain("http://", "https://");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(library.body()).hasSizeGreaterThan(100_000).contains("echarts");
        assertThat(library.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }
}
