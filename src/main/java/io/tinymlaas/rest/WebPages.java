package io.tinymlaas.rest;

import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.util.Map;

/**
 * The web pages (src/main/resources/web: one folder per page, shared scripts in common/), served as files: they only
 * call the documented API, so they need no routes of their own.
 */
final class WebPages {

    /**
     * Scripts only from this server and no inline ones: a name that slipped into the page as markup still could not
     * run; no framing, so the panel's buttons cannot be clicked through another site.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private WebPages() {
    }

    static void serve(StaticFileConfig files) {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-cache");
    }
}
