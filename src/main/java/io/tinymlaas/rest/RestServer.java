package io.tinymlaas.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.security.RouteRole;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.store.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API on one port: routes, token auth (a bearer header, or the session cookie a browser signed in with), errors
 * as JSON, the OpenAPI document at /openapi.json, and the web pages at /.
 */
public final class RestServer implements AutoCloseable {

    /** Bodies are JSON objects or a .tflite file of a model small enough for a microcontroller; larger is refused (413). */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    public static final String OPENAPI_PATH = "/openapi.json";

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String TOKEN_ATTRIBUTE = "tinyml.token";

    private final Javalin javalin;
    private final List<String> routes = new ArrayList<>();

    private RestServer(TinymlService service) {
        javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(Bodies.JSON, false));
            config.staticFiles.add(WebPages::serve);
            config.staticFiles.add(WebPages::serveCharts);
            config.registerPlugin(new OpenApiPlugin(openApi -> openApi.withDocumentationPath(OPENAPI_PATH)
                    .withDefinitionConfiguration((version, definition) -> definition
                            .withInfo(info -> info.title("TinyMLaaS").version("1")
                                    .description("The TinyML lifecycle as a service: devices, models, toolchains, pipelines."))
                            .withSecurity(security -> security.withBearerAuth("BearerAuth", bearer -> { })))));
            config.events(events -> events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            }));
            config.router.mount(router -> {
                router.beforeMatched(ctx -> authorize(service, ctx));
                errors(router);
                new SystemRoutes(service).register(router);
                new SessionRoutes(service).register(router);
                new DeviceRoutes(service).register(router);
                new ToolchainRoutes(service).register(router);
                new ModelRoutes(service).register(router);
                new PipelineRoutes(service).register(router);
                new RolloutRoutes(service).register(router);
                new MatrixRoutes(service).register(router);
                new SupportRoutes(service).register(router);
                new FleetRoutes(service).register(router);
            });
        });
    }

    /** Starts the API on {@code port} (0: any free port) of {@code host}. */
    public static RestServer start(TinymlService service, String host, int port) {
        RestServer server = new RestServer(service);
        server.javalin.start(host, port);
        return server;
    }

    public int port() {
        return javalin.port();
    }

    /** Every route the server answers, as "METHOD /path" with Javalin's {param} syntax. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** The caller's token, which {@link #authorize} checked before the handler ran. */
    static Token caller(Context ctx) {
        return ctx.attribute(TOKEN_ATTRIBUTE);
    }

    private static void authorize(TinymlService service, Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        Token token;
        if (!header.isEmpty()) {
            token = (header.regionMatches(true, 0, "Bearer ", 0, 7) ? service.authenticate(header.substring(7)) : Optional.<Token>empty())
                    .orElseThrow(() -> unauthorized(ctx, "the token is not known here"));
        } else {
            token = SessionRoutes.token(service, ctx).orElseThrow(() -> unauthorized(ctx, ctx.cookie(SessionRoutes.COOKIE) == null
                    ? "no token; send 'Authorization: Bearer <token>' (bin/tinyml serve prints the first one) or sign in at /"
                    : "this browser's session token is not known here; sign in again"));
        }
        Permission needed = (Permission) roles.iterator().next();
        if (!needed.grantedTo(token.role())) {
            ctx.attribute("tinyml.role-needed", needed.roleNeeded());
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "this needs the " + needed.roleNeeded()
                    + " role; the token of '" + token.name() + "' has the " + token.role().label() + " role");
        }
        ctx.attribute(TOKEN_ATTRIBUTE, token);
    }

    private static HttpResponseException unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), message);
    }

    private static void errors(JavalinDefaultRouting router) {
        router.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, HttpStatus.BAD_REQUEST, e.getMessage(), e.field()));
        router.exception(NotFoundException.class, (e, ctx) -> answer(ctx, HttpStatus.NOT_FOUND, e.getMessage(), null));
        router.exception(ConflictException.class, (e, ctx) -> answer(ctx, HttpStatus.CONFLICT, e.getMessage(), null));
        router.exception(TinymlException.class, (e, ctx) -> answer(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), null));
        router.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, HttpStatus.forStatus(e.getStatus()),
                e.getMessage(), null));
        router.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e, null);
        });
        router.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, HttpStatus.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path() + "; " + OPENAPI_PATH + " lists them",
                        null);
            }
        });
    }

    private static void answer(Context ctx, HttpStatus status, String message, String field) {
        String role = ctx.attribute("tinyml.role-needed");
        ctx.status(status).json(new ErrorBody(status.getCode(), status.getMessage().toLowerCase(Locale.ROOT), message, field,
                status == HttpStatus.FORBIDDEN ? role : null));
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
