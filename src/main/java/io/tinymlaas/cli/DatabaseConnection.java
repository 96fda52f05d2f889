package io.tinymlaas.cli;

import picocli.CommandLine.Option;

/** A registry database named by its JDBC URL, with the account to open it. */
final class DatabaseConnection {

    @Option(names = "--db", paramLabel = "<jdbc-url>",
            description = "the registry database, e.g. jdbc:postgresql://127.0.0.1:5432/tinyml (`bin/setup --postgresql` makes that one); "
                    + "without it, the embedded H2 database this command's description names")
    String url;

    @Option(names = "--db-user", paramLabel = "<user>", defaultValue = "tinyml", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--db-password", paramLabel = "<password>", defaultValue = "${env:TINYML_DB_PASSWORD}",
            description = "database password (default: $TINYML_DB_PASSWORD)")
    String password;

    String password() {
        return password == null ? "" : password;
    }
}
