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
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.app.ToolchainRegistration;
import io.tinymlaas.store.Toolchain;

/** The toolchains models are compiled and firmware built with, and their health checks. */
final class ToolchainRoutes {

    private final TinymlService service;

    ToolchainRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/toolchains", this::list, Permission.READ);
        router.post("/api/toolchains", this::create, Permission.OPERATE);
        router.get("/api/toolchains/{id}", this::get, Permission.READ);
        router.post("/api/toolchains/{id}/check", this::check, Permission.OPERATE);
    }

    @OpenApi(path = "/api/toolchains", methods = HttpMethod.GET, summary = "Every toolchain with its last health check",
            tags = "toolchains", security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Toolchain[].class)))
    void list(Context ctx) {
        ctx.json(service.toolchains());
    }

    @OpenApi(path = "/api/toolchains", methods = HttpMethod.POST, summary = "Register a toolchain and check it (operator)",
            tags = "toolchains", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ToolchainRegistration.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = Toolchain.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class))})
    void create(Context ctx) {
        ctx.status(HttpStatus.CREATED).json(service.registerToolchain(Bodies.read(ctx, ToolchainRegistration.class)));
    }

    @OpenApi(path = "/api/toolchains/{id}", methods = HttpMethod.GET, summary = "One toolchain", tags = "toolchains",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Toolchain.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void get(Context ctx) {
        ctx.json(service.toolchain(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/toolchains/{id}/check", methods = HttpMethod.POST, summary = "Run a toolchain's health check again",
            tags = "toolchains", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = Toolchain.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void check(Context ctx) {
        ctx.json(service.checkToolchain(Bodies.id(ctx, "id")));
    }
}
