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
import io.tinymlaas.app.MatrixRequest;
import io.tinymlaas.app.MatrixView;
import io.tinymlaas.app.TinymlService;

/** The CTO's board matrix as jobs: one pipeline run per target, spread over every worker. */
final class MatrixRoutes {

    private final TinymlService service;

    MatrixRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.post("/api/matrices", this::create, Permission.OPERATE);
        router.get("/api/matrices/{id}", this::get, Permission.READ);
    }

    @OpenApi(path = "/api/matrices", methods = HttpMethod.POST,
            summary = "Dry-run an example on many targets ('all': x86 and every board), one job per target (operator)",
            tags = "matrices", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = MatrixRequest.class)), responses = {
            @OpenApiResponse(status = "202", content = @OpenApiContent(from = MatrixView.class)),
            @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class))})
    void create(Context ctx) {
        ctx.status(HttpStatus.ACCEPTED).json(service.startMatrix(Bodies.read(ctx, MatrixRequest.class), RestServer.caller(ctx).name()));
    }

    @OpenApi(path = "/api/matrices/{id}", methods = HttpMethod.GET,
            summary = "A matrix's cells: per target PASSED, FAILED (the stage and why), CANNOT_RUN_HERE (why) or still running",
            tags = "matrices", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = MatrixView.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void get(Context ctx) {
        ctx.json(service.matrix(Bodies.id(ctx, "id")));
    }
}
