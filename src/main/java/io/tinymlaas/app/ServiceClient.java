package io.tinymlaas.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.ReportWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The service's REST API as the fleet's processes use it (fleet start, bridges): JSON in and out, errors as messages. */
final class ServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI service;
    private final String token;

    ServiceClient(URI service, String token) {
        this.service = service;
        this.token = token;
    }

    JsonNode get(String path) {
        return json(path, send(request(path).GET(), "GET " + path, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    JsonNode post(String path, Object body) {
        try {
            byte[] json = ReportWriter.JSON.writeValueAsBytes(body);
            return json(path, send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)), "POST " + path, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body always serializes", e);
        }
    }

    HttpResponse<byte[]> bytes(String path) {
        return send(request(path).GET(), "GET " + path, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(service.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, String what, HttpResponse.BodyHandler<T> body) {
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            if (response.statusCode() / 100 != 2) {
                Object answer = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : response.body();
                throw new TinymlException(what + " at " + service + ": HTTP " + response.statusCode() + " " + answer);
            }
            return response;
        } catch (IOException e) {
            throw new TinymlException(what + ": cannot reach the service at " + service + " (" + e + "); is `tinyml serve` running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TinymlException(what + ": interrupted", e);
        }
    }

    private static JsonNode json(String path, byte[] body) {
        try {
            return ReportWriter.JSON.readTree(body);
        } catch (IOException e) {
            throw new TinymlException(path + ": the service answered something that is not JSON", e);
        }
    }
}
