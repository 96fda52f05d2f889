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
import io.tinymlaas.app.DeviceRegistration;
import io.tinymlaas.app.FirmwareImage;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.store.Device;

/** Registering and observing IoT devices. */
final class DeviceRoutes {

    private final TinymlService service;

    DeviceRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/devices", this::list, Permission.READ);
        router.post("/api/devices", this::create, Permission.OPERATE);
        router.get("/api/devices/{id}", this::get, Permission.READ);
        router.delete("/api/devices/{id}", this::delete, Permission.OPERATE);
        router.post("/api/devices/{id}/fault", this::fault, Permission.OPERATE);
        router.get("/api/devices/{id}/firmware", this::firmware, Permission.READ);
    }

    @OpenApi(path = "/api/devices", methods = HttpMethod.GET, summary = "Every registered device", tags = "devices",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Device[].class)))
    void list(Context ctx) {
        ctx.json(service.devices());
    }

    @OpenApi(path = "/api/devices", methods = HttpMethod.POST, summary = "Register a device (operator)", tags = "devices",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = DeviceRegistration.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = Device.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = ErrorBody.class))})
    void create(Context ctx) {
        ctx.status(HttpStatus.CREATED).json(service.registerDevice(Bodies.read(ctx, DeviceRegistration.class)));
    }

    @OpenApi(path = "/api/devices/{id}", methods = HttpMethod.GET, summary = "One device", tags = "devices",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Device.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void get(Context ctx) {
        ctx.json(service.device(Bodies.id(ctx, "id")));
    }

    /** A fault for an emulated device's next flash. */
    public record FaultRequest(String fault) {
    }

    @OpenApi(path = "/api/devices/{id}/fault", methods = HttpMethod.POST,
            summary = "Make an emulated device's next flash fail (flash-interrupted), to rehearse a rollback (operator)",
            tags = "devices", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = FaultRequest.class)), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = Device.class)),
            @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void fault(Context ctx) {
        ctx.json(service.simulateFault(Bodies.id(ctx, "id"), Bodies.read(ctx, FaultRequest.class).fault()));
    }

    @OpenApi(path = "/api/devices/{id}/firmware", methods = HttpMethod.GET,
            summary = "The firmware image an emulated device's flash holds (ELF), for its bridge to boot; the headers X-Board,"
                    + " X-Model-Id, X-Model-Hash, X-Firmware-Sha256 and X-Input-Bytes describe it", tags = "devices",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(type = "string", format = "binary",
                            mimeType = "application/octet-stream")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void firmware(Context ctx) {
        FirmwareImage image = service.firmware(Bodies.id(ctx, "id"));
        ctx.header("X-Board", image.board()).header("X-Model-Id", image.modelId()).header("X-Model-Hash", image.modelHash())
                .header("X-Firmware-Sha256", image.sha256()).header("X-Input-Bytes", String.valueOf(image.inputBytes()))
                .contentType("application/octet-stream").result(image.elf());
    }

    @OpenApi(path = "/api/devices/{id}", methods = HttpMethod.DELETE, summary = "Unregister a device (operator)", tags = "devices",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {
                    @OpenApiResponse(status = "204"),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void delete(Context ctx) {
        service.deleteDevice(Bodies.id(ctx, "id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
