package io.tinymlaas.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.router.JavalinDefaultRouting;
import io.tinymlaas.app.RolloutRequest;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.store.Rollout;

/** Assigning a model to devices: over-the-air updates, verified or rolled back, in groups with an error threshold. */
final class RolloutRoutes {

    private final TinymlService service;

    RolloutRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/rollouts", this::list, Permission.READ);
        router.post("/api/rollouts", this::create, Permission.OPERATE);
        router.get("/api/rollouts/{id}", this::get, Permission.READ);
        router.post("/api/rollouts/{id}/cancel", this::cancel, Permission.OPERATE);
    }

    @OpenApi(path = "/api/rollouts", methods = HttpMethod.GET, summary = "Every rollout with what it did, or is doing, to each device",
            tags = "rollouts", security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Rollout[].class)))
    void list(Context ctx) {
        ctx.json(service.rollouts());
    }

    @OpenApi(path = "/api/rollouts", methods = HttpMethod.POST,
            summary = "Assign a model to devices, as a job: update each over the air, verify, roll back on failure (operator)",
            tags = "rollouts", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = RolloutRequest.class)), responses = {
            @OpenApiResponse(status = "202", content = @OpenApiContent(from = Rollout.class)),
            @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
            @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class))})
    void create(Context ctx) {
        ctx.status(HttpStatus.ACCEPTED).json(service.rollout(Bodies.read(ctx, RolloutRequest.class), RestServer.caller(ctx).name()));
    }

    @OpenApi(path = "/api/rollouts/{id}", methods = HttpMethod.GET, summary = "One rollout", tags = "rollouts",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Rollout.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void get(Context ctx) {
        ctx.json(service.rollout(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/rollouts/{id}/cancel", methods = HttpMethod.POST,
            summary = "Cancel a rollout: at once when queued, before its next device when running; devices not tried stay as they were (operator)",
            tags = "rollouts", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = Rollout.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
            @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void cancel(Context ctx) {
        ctx.json(service.cancelRollout(Bodies.id(ctx, "id"), RestServer.caller(ctx).name()));
    }
}
