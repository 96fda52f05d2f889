package io.tinymlaas.store;

import java.nio.file.Path;

/** The model lineage on the embedded H2 database, the registry's default. */
class ModelVersionsTest extends ModelVersionsContract {

    @Override
    Database open(Path folder) {
        return Database.embedded(folder);
    }
}
