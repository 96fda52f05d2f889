package io.tinymlaas.rest;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.router.JavalinDefaultRouting;
import io.tinymlaas.app.TinymlService;
import io.tinymlaas.store.Token;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Browser sessions: the web pages sign in with a token once, and the server keeps it in an HttpOnly cookie, because
 * EventSource cannot send an Authorization header and page scripts should never hold the token.
 */
final class SessionRoutes {

    /** The cookie that carries a browser's token; only sent to the API, never readable by page scripts. */
    static final String COOKIE = "tinyml_session";

    /** A token to sign in with, as pasted into the sign-in form. */
    public record SessionRequest(String token) {
    }

    /** Who is signed in, and with which role (viewer, data_scientist, operator). */
    public record Session(String name, String role) {

        static Session of(Token token) {
            return new Session(token.name(), token.role().label());
        }
    }

    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final TinymlService service;

    SessionRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.post("/api/session", this::signIn);
        router.get("/api/session", this::current, Permission.READ);
        router.delete("/api/session", this::signOut);
    }

    @OpenApi(path = "/api/session", methods = HttpMethod.POST,
            summary = "Sign a browser in: the token is checked and set as an HttpOnly, SameSite=Strict cookie (" + COOKIE
                    + ", path /api) that every route accepts in place of the Authorization header, with the token's role",
            tags = "system", requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SessionRequest.class)),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Session.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorBody.class))})
    void signIn(Context ctx) {
        refuseOtherSites(ctx);
        String pasted = Bodies.read(ctx, SessionRequest.class).token();
        Token token = service.authenticate(pasted).orElseThrow(() -> new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
                "the token is not known here; paste the whole token bin/tinyml serve printed (tml_…) or one made with POST /api/tokens"));
        ctx.cookie(cookie(pasted.strip(), -1));
        ctx.json(Session.of(token));
    }

    @OpenApi(path = "/api/session", methods = HttpMethod.GET, summary = "Who the caller's token (header or session cookie) belongs to",
            tags = "system", security = @OpenApiSecurity(name = "BearerAuth"), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = Session.class)),
            @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class))})
    void current(Context ctx) {
        ctx.json(Session.of(RestServer.caller(ctx)));
    }

    @OpenApi(path = "/api/session", methods = HttpMethod.DELETE, summary = "Sign a browser out: its session cookie is cleared",
            tags = "system", responses = @OpenApiResponse(status = "204"))
    void signOut(Context ctx) {
        ctx.cookie(cookie("", 0));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * The token of the browser's session cookie, if it holds a known one. A change sent from another site's page is
     * refused: SameSite=Strict already keeps the cookie off such requests, and the Origin check holds where a browser
     * does not honour it.
     */
    static Optional<Token> token(TinymlService service, Context ctx) {
        Optional<Token> token = service.authenticate(ctx.cookie(COOKIE));
        if (token.isPresent() && !READS.contains(ctx.method())) {
            refuseOtherSites(ctx);
        }
        return token;
    }

    /** Another site's page may neither use a browser's session nor sign it in (to a token of the other site's choosing). */
    private static void refuseOtherSites(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !sameHost(origin, ctx.host())) {
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "a page from " + origin
                    + " cannot use this browser's session; changes come from this server's own pages or with an Authorization header");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Not marked Secure: the service is served over plain HTTP (a TLS proxy in front may add it). */
    private static Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(COOKIE, value, "/api", maxAgeSeconds, false, 0, true, null, null, SameSite.STRICT);
    }
}
