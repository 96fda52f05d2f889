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
import io.tinymlaas.app.BoardListing;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.store.Token;
import java.util.Arrays;
import java.util.Locale;

/** Health, boards and API tokens. */
final class SystemRoutes {

    /** What the health route answers: the service is up, on which database. */
    public record Health(String status, String database) {
    }

    /** A token to make: who holds it and with which role (viewer, data_scientist, operator). */
    public record TokenRequest(String name, String role) {
    }

    /** A new token; the text is shown this once. */
    public record TokenCreated(String name, String role, String token) {
    }

    private final TinymlService service;

    SystemRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.get("/api/health", this::health);
        router.get("/api/boards", this::boards, Permission.READ);
        router.get("/api/boards/{id}", this::board, Permission.READ);
        router.post("/api/tokens", this::createToken, Permission.OPERATE);
    }

    @OpenApi(path = "/api/health", methods = HttpMethod.GET, summary = "Whether the service is up", tags = "system",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)))
    void health(Context ctx) {
        ctx.json(new Health("up", service.databaseKind()));
    }

    @OpenApi(path = "/api/boards", methods = HttpMethod.GET, summary = "Every supported board and whether it can be emulated here",
            tags = "boards", security = @OpenApiSecurity(name = "BearerAuth"), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = BoardListing[].class)),
            @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class))})
    void boards(Context ctx) {
        ctx.json(service.boards());
    }

    @OpenApi(path = "/api/boards/{id}", methods = HttpMethod.GET, summary = "One board", tags = "boards",
            security = @OpenApiSecurity(name = "BearerAuth"), pathParams = @OpenApiParam(name = "id", required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = BoardListing.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void board(Context ctx) {
        ctx.json(service.board(ctx.pathParam("id")));
    }

    @OpenApi(path = "/api/tokens", methods = HttpMethod.POST, summary = "Make an API token for a person with a role",
            tags = "system", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TokenRequest.class)), responses = {
            @OpenApiResponse(status = "201", content = @OpenApiContent(from = TokenCreated.class)),
            @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
            @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class))})
    void createToken(Context ctx) {
        TokenRequest request = Bodies.read(ctx, TokenRequest.class);
        Token.Role role = Arrays.stream(Token.Role.values()).filter(r -> r.label().equals(request.role())).findFirst()
                .orElseThrow(() -> new InvalidInputException("role", "'" + request.role() + "' is none of viewer, data_scientist, operator"));
        String token = service.createToken(request.name(), role);
        ctx.status(HttpStatus.CREATED).json(new TokenCreated(request.name().strip(), role.label().toLowerCase(Locale.ROOT), token));
    }
}
