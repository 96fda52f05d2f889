package io.tinymlaas.rest;

import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

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

    /** Where the pages find Apache ECharts: the webjar's folder (dist/ inside), at a path that does not change with its version. */
    private static final String CHARTS_PATH = "/lib/echarts";

    private WebPages() {
    }

    static void serve(StaticFileConfig files) {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
        files.headers = headers();
    }

    /**
     * The charting library from its webjar on this server, so the pages' policy of running only the server's own scripts
     * holds and nothing is fetched from outside the machine.
     */
    static void serveCharts(StaticFileConfig files) {
        String version = new WebJarVersionLocator().version("echarts");
        if (version == null) {
            throw new IllegalStateException("the echarts webjar is not on the class path; the dashboard draws its charts with it");
        }
        files.hostedPath = CHARTS_PATH;
        // the folder, not its dist/: the jar has no entry for dist/ itself, and Javalin refuses a folder it cannot find
        files.directory = "/META-INF/resources/webjars/echarts/" + version;
        files.location = Location.CLASSPATH;
        files.headers = headers();
    }

    private static Map<String, String> headers() {
        return Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
    }
}
