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
import io.tinymlaas.app.PipelineDefinition;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.store.Pipeline;
import io.tinymlaas.store.PipelineRun;

/** Composing pipelines, running them as jobs, watching their stages (also as server-sent events) and cancelling. */
final class PipelineRoutes {

    /** How often a watcher looks for new stages: the job may run in another process, so the registry is the channel. */
    private static final long WATCH_MILLIS = 500;

    private final TinymlService service;

    PipelineRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/pipelines", this::list, Permission.READ);
        router.post("/api/pipelines", this::create, Permission.OPERATE);
        router.get("/api/pipelines/{id}", this::get, Permission.READ);
        router.post("/api/pipelines/{id}/runs", this::start, Permission.OPERATE);
        router.get("/api/pipelines/{id}/runs", this::runs, Permission.READ);
        router.get("/api/runs/{id}", this::run, Permission.READ);
        router.post("/api/runs/{id}/cancel", this::cancel, Permission.OPERATE);
        router.sse("/api/runs/{id}/events", this::events, Permission.READ);
    }

    @OpenApi(path = "/api/pipelines", methods = HttpMethod.GET, summary = "Every pipeline", tags = "pipelines",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Pipeline[].class)))
    void list(Context ctx) {
        ctx.json(service.pipelines());
    }

    @OpenApi(path = "/api/pipelines", methods = HttpMethod.POST,
            summary = "Compose a pipeline: an example, a target and the last stage it runs (operator)", tags = "pipelines",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PipelineDefinition.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = Pipeline.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void create(Context ctx) {
        ctx.status(HttpStatus.CREATED).json(service.createPipeline(Bodies.read(ctx, PipelineDefinition.class),
                RestServer.caller(ctx).name()));
    }

    @OpenApi(path = "/api/pipelines/{id}", methods = HttpMethod.GET, summary = "One pipeline", tags = "pipelines",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Pipeline.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void get(Context ctx) {
        ctx.json(service.pipeline(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/pipelines/{id}/runs", methods = HttpMethod.POST, summary = "Run a pipeline as a job (operator)",
            tags = "pipelines", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), responses = {
            @OpenApiResponse(status = "202", content = @OpenApiContent(from = PipelineRun.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void start(Context ctx) {
        ctx.status(HttpStatus.ACCEPTED).json(service.startRun(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/pipelines/{id}/runs", methods = HttpMethod.GET, summary = "A pipeline's runs", tags = "pipelines",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PipelineRun[].class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void runs(Context ctx) {
        ctx.json(service.runs(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/runs/{id}", methods = HttpMethod.GET, summary = "A run with its stages so far", tags = "runs",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PipelineRun.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void run(Context ctx) {
        ctx.json(service.run(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/runs/{id}/cancel", methods = HttpMethod.POST,
            summary = "Cancel a run: at once when queued, before its next stage when running (operator)", tags = "runs",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PipelineRun.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void cancel(Context ctx) {
        ctx.json(service.cancelRun(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/runs/{id}/events", methods = HttpMethod.GET,
            summary = "A run's progress as server-sent events: one 'stage' event per stage as it ends, then 'end' with the run;"
                    + " an unknown run gives one 'error' event", tags = "runs", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "string", mimeType = "text/event-stream")))
    void events(SseClient client) {
        long runId;
        try {
            runId = Bodies.id(client.ctx(), "id");
            service.run(runId);
        } catch (TinymlException e) {
            client.sendEvent("error", e.getMessage());
            client.close();
            return;
        }
        int sent = 0;
        while (!client.terminated()) {
            PipelineRun run = service.run(runId);
            for (PipelineRun.RunStage stage : run.stages().subList(sent, run.stages().size())) {
                client.sendEvent("stage", stage, String.valueOf(stage.position()));
            }
            sent = run.stages().size();
            if (run.status().ended()) {
                client.sendEvent("end", run);
                break;
            }
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        client.close();
    }
}
