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
import io.tinymlaas.store.DatasetVersion;
import io.tinymlaas.store.ModelVersion;

/** Stored models with their lineage, and the data set versions they were trained on. */
final class ModelRoutes {

    /** How many stored models and data set versions the file stores held that the registry did not. */
    public record Imported(int imported) {
    }

    private final TinymlService service;

    ModelRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/models", this::list, Permission.READ);
        router.get("/api/models/{id}", this::get, Permission.READ);
        router.post("/api/models", this::register, Permission.MODELS);
        router.post("/api/models/import", this::importStores, Permission.DATA);
        router.get("/api/datasets", this::datasets, Permission.READ);
        router.get("/api/datasets/{name}/{version}", this::dataset, Permission.READ);
    }

    @OpenApi(path = "/api/models", methods = HttpMethod.GET, summary = "Every stored model version, oldest first", tags = "models",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModelVersion[].class)))
    void list(Context ctx) {
        ctx.json(service.models());
    }

    @OpenApi(path = "/api/models/{id}", methods = HttpMethod.GET,
            summary = "One model's lineage: data version → training → .tflite → firmware per board", tags = "models",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModelVersion.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void get(Context ctx) {
        ctx.json(service.model(ctx.pathParam("id")));
    }

    @OpenApi(path = "/api/models", methods = HttpMethod.POST,
            summary = "Register a model trained elsewhere from its int8 .tflite file (data scientist or operator)", tags = "models",
            security = @OpenApiSecurity(name = "BearerAuth"),
            queryParams = @OpenApiParam(name = "name", required = true, description = "letters, digits, '_', '.', '-'"),
            requestBody = @OpenApiRequestBody(required = true,
                    content = @OpenApiContent(type = "string", format = "binary", mimeType = "application/octet-stream")),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = ModelVersion.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorBody.class))})
    void register(Context ctx) {
        ctx.status(HttpStatus.CREATED).json(service.registerModelFile(ctx.queryParam("name"), ctx.bodyAsBytes()));
    }

    @OpenApi(path = "/api/models/import", methods = HttpMethod.POST,
            summary = "Bring in models and data sets stored by the command line since the server started (data scientist)",
            tags = "models", security = @OpenApiSecurity(name = "BearerAuth"), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = Imported.class)),
            @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class))})
    void importStores(Context ctx) {
        ctx.json(new Imported(service.importFileStores()));
    }

    @OpenApi(path = "/api/datasets", methods = HttpMethod.GET, summary = "Every stored data set version", tags = "datasets",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = DatasetVersion[].class)))
    void datasets(Context ctx) {
        ctx.json(service.datasets());
    }

    @OpenApi(path = "/api/datasets/{name}/{version}", methods = HttpMethod.GET, summary = "One data set version", tags = "datasets",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = {@OpenApiParam(name = "name", required = true), @OpenApiParam(name = "version", required = true)},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DatasetVersion.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void dataset(Context ctx) {
        ctx.json(service.dataset(ctx.pathParam("name"), ctx.pathParam("version")));
    }
}
