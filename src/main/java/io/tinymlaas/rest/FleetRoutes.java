package io.tinymlaas.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.router.JavalinDefaultRouting;
import io.tinymlaas.app.BridgeCredentials;
import io.tinymlaas.app.BridgeRequest;
import io.tinymlaas.app.FleetBridge;
import io.tinymlaas.app.FleetDevice;
import io.tinymlaas.app.FleetEvent;
import io.tinymlaas.app.FleetSummary;
import io.tinymlaas.app.TinymlService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The live fleet: its summary for the dashboard, each device's telemetry, bridges and their credentials, and live events. */
final class FleetRoutes {

    /** How often the event stream sends a fresh summary when nothing else happens. */
    private static final long SUMMARY_MILLIS = 2000;

    private final TinymlService service;

    FleetRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/fleet/summary", this::summary, Permission.READ);
        router.get("/api/fleet/devices", this::devices, Permission.READ);
        router.get("/api/fleet/bridges", this::bridges, Permission.READ);
        router.post("/api/fleet/bridges", this::registerBridge, Permission.OPERATE);
        router.get("/api/fleet/bridges/{name}", this::bridge, Permission.READ);
        router.post("/api/fleet/broker/restart", this::restartBroker, Permission.OPERATE);
        router.sse("/api/fleet/events", this::events, Permission.READ);
    }

    @OpenApi(path = "/api/fleet/summary", methods = HttpMethod.GET, tags = "fleet", security = @OpenApiSecurity(name = "BearerAuth"),
            summary = "The fleet at a glance: devices by status and board, models in the field, inferences per minute, latency per"
                    + " board, failures per minute over the last 30, alerts, rejected messages",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = FleetSummary.class)))
    void summary(Context ctx) {
        ctx.json(service.fleetSummary());
    }

    @OpenApi(path = "/api/fleet/devices", methods = HttpMethod.GET, tags = "fleet", security = @OpenApiSecurity(name = "BearerAuth"),
            summary = "Every device with its status, bridge, last heartbeat, assigned and reported model, trust and counts",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = FleetDevice[].class)))
    void devices(Context ctx) {
        ctx.json(service.fleetDevices());
    }

    @OpenApi(path = "/api/fleet/bridges", methods = HttpMethod.GET, tags = "fleet", security = @OpenApiSecurity(name = "BearerAuth"),
            summary = "Every bridge, its devices, and what was heard from it: accepted, duplicate, malformed and foreign-device messages",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = FleetBridge[].class)))
    void bridges(Context ctx) {
        ctx.json(service.bridges());
    }

    @OpenApi(path = "/api/fleet/bridges", methods = HttpMethod.POST, tags = "fleet", security = @OpenApiSecurity(name = "BearerAuth"),
            summary = "Register a bridge for emulated devices; its secret (broker password and viewer token) is shown only here (operator)",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = BridgeRequest.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = BridgeCredentials.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorBody.class))})
    void registerBridge(Context ctx) {
        ctx.status(HttpStatus.CREATED).json(service.registerBridge(Bodies.read(ctx, BridgeRequest.class)));
    }

    @OpenApi(path = "/api/fleet/bridges/{name}", methods = HttpMethod.GET, tags = "fleet",
            security = @OpenApiSecurity(name = "BearerAuth"), summary = "One bridge: its devices, counts and broker",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = FleetBridge.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void bridge(Context ctx) {
        ctx.json(service.bridge(ctx.pathParam("name")));
    }

    @OpenApi(path = "/api/fleet/broker/restart", methods = HttpMethod.POST, tags = "fleet",
            security = @OpenApiSecurity(name = "BearerAuth"),
            summary = "Restart the embedded MQTT broker, dropping every connection, to rehearse a broker outage (operator)",
            responses = {
                    @OpenApiResponse(status = "204"),
                    @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorBody.class))})
    void restartBroker(Context ctx) {
        service.restartBroker();
        ctx.status(HttpStatus.NO_CONTENT);
    }

    @OpenApi(path = "/api/fleet/events", methods = HttpMethod.GET, tags = "fleet", security = @OpenApiSecurity(name = "BearerAuth"),
            summary = "The fleet live, as server-sent events: 'summary' (a FleetSummary) at once and every 2 s, 'device' (a"
                    + " FleetDevice) when a device's status, trust or reported model changes, 'alert' (a FleetAlert) when one is"
                    + " raised; a process that does not hear the fleet gives one 'error' event",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "string", mimeType = "text/event-stream")))
    void events(SseClient client) {
        if (!service.hearsFleet()) {
            client.sendEvent("error", "this process does not hear the fleet; `tinyml serve` does");
            client.close();
            return;
        }
        BlockingQueue<FleetEvent> changes = new LinkedBlockingQueue<>();
        try (AutoCloseable watching = service.watchFleet(changes::add)) {
            client.sendEvent(FleetEvent.SUMMARY, service.fleetSummary());
            long nextSummary = System.currentTimeMillis() + SUMMARY_MILLIS;
            while (!client.terminated()) {
                FleetEvent change = changes.poll(Math.max(1, nextSummary - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (change != null) {
                    client.sendEvent(change.event(), change.data());
                } else {
                    client.sendEvent(FleetEvent.SUMMARY, service.fleetSummary());
                    nextSummary = System.currentTimeMillis() + SUMMARY_MILLIS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the watcher is gone with the client; nothing to tell anyone
        }
        client.close();
    }
}
