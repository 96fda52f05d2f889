package io.tinymlaas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.GestureSynthesizer;
import io.tinymlaas.data.SineDataset;
import io.tinymlaas.data.StoredDataset;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetVersionsTest {

    @TempDir
    Path dir;

    private Database database;
    private DatasetVersions versions;
    private DatasetStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.embedded(dir.resolve("db"));
        versions = new DatasetVersions(database);
        store = new DatasetStore(dir.resolve("datasets"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** 3 gestures per class in train, 1 in validation, 2 in test: 24 samples over the four classes. */
    private StoredDataset gestures() {
        return store.save(GestureSynthesizer.generate(3, 1, 2, 5));
    }

    @Test
    void importingAddsEveryVersionOfEveryDataSetOnceAndLaterOnlyTheNewOnes() {
        StoredDataset sine = store.save(SineDataset.generate(60, 0.05, 1));
        StoredDataset original = gestures();

        assertThat(versions.importFrom(store)).isEqualTo(2);
        assertThat(versions.importFrom(store)).isZero();
        StoredDataset relabelled = store.relabel("magic_wand", original.version(), "train/0", "ring", "it is a ring");
        assertThat(versions.importFrom(store)).isEqualTo(1);
        assertThat(versions.list()).extracting(DatasetVersion::name, DatasetVersion::version).containsExactly(
                tuple("magic_wand", original.version()),
                tuple("magic_wand", relabelled.version()),
                tuple("sine", sine.version()));
    }

    @Test
    void aRelabelledVersionReadsBackWithItsParentProvenanceAndSampleCount() {
        StoredDataset original = gestures();
        DatasetManifest relabelled = store.relabel("magic_wand", original.version(), "train/0", "ring", "").manifest();
        versions.importFrom(store);

        assertThat(versions.get("magic_wand", relabelled.version())).isEqualTo(new DatasetVersion("magic_wand",
                relabelled.version(), relabelled.contentSha256(), relabelled.source(), relabelled.licence(), original.version(),
                24, Instant.parse(relabelled.storedAt())));
        assertThat(versions.get("magic_wand", original.version()).parentVersion()).isNull();
    }

    @Test
    void aVersionNotInTheRegistryIsNotFound() {
        versions.importFrom(store);

        assertThatThrownBy(() -> versions.get("sine", "0123456789ab")).isInstanceOf(NotFoundException.class)
                .hasMessage("no version '0123456789ab' of data set 'sine' in the registry");
    }
}
