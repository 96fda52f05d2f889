package io.tinymlaas.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.cli.Main;
import io.tinymlaas.steps.service.RunningService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The service features (tagged @service) once more, on the PostgreSQL server that `bin/setup --postgresql` installs:
 * {@link RunCucumberIT} runs them on H2, and a server of the kind people deploy on must pass them too. Skipped, saying
 * why, where no such server answers; the nightly build runs every feature on an embedded PostgreSQL instead.
 */
class ServiceFeaturesOnLocalPostgresqlIT {

    private static final String URL = System.getProperty("tinyml.local.postgresql", "jdbc:postgresql://127.0.0.1:5432/tinyml");
    private static final String USER = "tinyml";
    private static final String PASSWORD = "tinyml";
    private static final String TAGS = "cucumber.filter.tags";

    @Test
    void theServiceFeaturesPassOnTheLocalPostgresqlServer() {
        Assumptions.assumeFalse(RunningService.onPostgresql(), "the features already run on PostgreSQL in this build");
        Assumptions.assumeTrue(answers(), "no PostgreSQL answers at " + URL + " as " + USER
                + " (bin/setup --postgresql installs and starts one)");
        String tags = System.getProperty(TAGS);
        // Cucumber takes this property over its command line's --tags
        System.setProperty(TAGS, "@service");
        System.setProperty(RunningService.DATABASE_PROPERTY, URL);
        System.setProperty(RunningService.DATABASE_PROPERTY + ".user", USER);
        System.setProperty(RunningService.DATABASE_PROPERTY + ".password", PASSWORD);
        try {
            byte status = Main.run(new String[] {"--glue", "io.tinymlaas.steps", "--tags", "@service",
                "--plugin", "summary", "--plugin", "html:target/cucumber/service-on-postgresql.html", "features"},
                    Thread.currentThread().getContextClassLoader());
            assertThat(status).as("exit status of the service features on " + URL + " (report: target/cucumber/service-on-postgresql.html)")
                    .isZero();
        } finally {
            restore(TAGS, tags);
            System.clearProperty(RunningService.DATABASE_PROPERTY);
            System.clearProperty(RunningService.DATABASE_PROPERTY + ".user");
            System.clearProperty(RunningService.DATABASE_PROPERTY + ".password");
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static boolean answers() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
