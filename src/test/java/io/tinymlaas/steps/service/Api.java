package io.tinymlaas.steps.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The service's REST API as a client sees it, with the last answer kept for the Then steps (one per scenario). */
public class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status and body, the body parsed when it is JSON. */
    public record Answer(int status, String body, JsonNode json) {
    }

    public final RunningService service = RunningService.get();
    private String token = service.operatorToken;
    private Answer last;

    public void useToken(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public Answer last() {
        return last;
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    public Answer post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer postBytes(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server-sent events of a stream until it ends, as (event, data) pairs. */
    public List<String[]> events(String path) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request(path).header("Accept", "text/event-stream").timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            List<String[]> events = new ArrayList<>();
            String[] event = {null};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {event[0], line.substring("data:".length()).strip()});
                }
            });
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first server-sent event of a stream that goes on (the fleet's), as (event, data); the stream is closed after it. */
    public String[] firstEvent(String path) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                String event = null;
                for (java.util.Iterator<String> line = lines.iterator(); line.hasNext(); ) {
                    String text = line.next();
                    if (text.startsWith("event:")) {
                        event = text.substring("event:".length()).strip();
                    } else if (text.startsWith("data:")) {
                        return new String[] {event, text.substring("data:".length()).strip()};
                    }
                }
                throw new AssertionError(path + " ended without an event");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code path} again and again until what it answers satisfies {@code done}; the limit only stops a hung job
     * from hanging the build.
     */
    public JsonNode until(String path, Predicate<JsonNode> done, String what, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            JsonNode current = get(path).json();
            if (done.test(current)) {
                return current;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " did not reach '" + what + "' within " + limit + ": " + get(path).body());
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.baseUrl + path)).timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(response.body());
            }
            last = new Answer(response.statusCode(), response.body(), json);
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
