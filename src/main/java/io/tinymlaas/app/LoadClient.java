package io.tinymlaas.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tinymlaas.report.ReportWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One of the benchmark's clients: its own HTTP connection to the API, the devices it registered, and the latencies of
 * its writes, reads and listings. Used by one thread.
 */
final class LoadClient {

    /** Every this many reads one lists all devices instead of fetching one: a dashboard refreshing among detail views. */
    static final int READS_PER_LISTING = 10;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final URI api;
    private final String token;
    private final String namePrefix;
    private final String board;
    private final SplittableRandom random;
    private final List<Long> registered = new ArrayList<>();
    private long names;
    private long reads;

    final Latencies writes = new Latencies();
    final Latencies deviceReads = new Latencies();
    final Latencies listings = new Latencies();

    LoadClient(URI api, String token, String namePrefix, String board, long seed) {
        this.api = api;
        this.token = token;
        this.namePrefix = namePrefix;
        this.board = board;
        this.random = new SplittableRandom(seed);
    }

    /** Registers a device under a name no other client and no earlier run uses. */
    void write() {
        String body = String.format("{\"name\":\"%s-%d\",\"board\":\"%s\",\"transport\":\"emulator\",\"location\":\"bench\","
                + "\"tags\":[\"bench\"]}", namePrefix, ++names, board);
        send(request("devices").POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"),
                "POST /api/devices", writes).ifPresent(answer -> registered.add(idOf(answer)));
    }

    /** Fetches one of {@code ids} (all clients' devices), or, every {@link #READS_PER_LISTING}th time, lists them all. */
    void read(long[] ids) {
        if (ids.length == 0 || ++reads % READS_PER_LISTING == 0) {
            send(request("devices").GET(), "GET /api/devices", listings);
        } else {
            long id = ids[random.nextInt(ids.length)];
            send(request("devices/" + id).GET(), "GET /api/devices/" + id, deviceReads);
        }
    }

    List<Long> registered() {
        return registered;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    /** The body of a 2xx answer; anything else counts as an error of {@code into}, with what was asked and answered. */
    private Optional<String> send(HttpRequest.Builder request, String what, Latencies into) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long latency = System.nanoTime() - start;
            if (response.statusCode() / 100 == 2) {
                into.answered(latency);
                return Optional.of(response.body());
            }
            into.failed(what + ": HTTP " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            into.failed(what + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            into.failed(what + ": interrupted");
        }
        return Optional.empty();
    }

    private static long idOf(String device) {
        try {
            return ReportWriter.JSON.readTree(device).path("id").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API answered a registration with something that is not JSON: " + device, e);
        }
    }
}
