package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetManifest.Relabelling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {

    @TempDir
    Path dir;

    /** 3 windows per class in train (12), 1 in validation (4), 2 in test (8); classes interleaved wing, ring, slope, negative. */
    private StoredDataset gestures(DatasetStore store) {
        return store.save(GestureSynthesizer.generate(3, 1, 2, 5));
    }

    @Test
    void aGestureVersionCarriesItsSourceLicenceClassesCountsAndOneLabelPerSample() throws Exception {
        StoredDataset stored = gestures(new DatasetStore(dir));
        DatasetManifest manifest = stored.manifest();
        assertThat(manifest.version()).isEqualTo(stored.version()).isEqualTo(stored.contentHash().substring(0, 12));
        assertThat(manifest.source()).contains("synthesized").contains("GestureSynthesizer");
        assertThat(manifest.licence()).contains("no third-party data");
        assertThat(manifest.classes()).containsExactly("wing", "ring", "slope", "negative");
        assertThat(manifest.classCounts().get("train")).containsExactly(Map.entry("wing", 3), Map.entry("ring", 3),
                Map.entry("slope", 3), Map.entry("negative", 3));
        assertThat(manifest.classCounts().get("test")).containsOnly(Map.entry("wing", 2), Map.entry("ring", 2),
                Map.entry("slope", 2), Map.entry("negative", 2));
        assertThat(manifest.parent()).isNull();
        assertThat(manifest.relabelLog()).isEmpty();
        assertThat(manifest.featuresPerSample()).isEqualTo(128 * 3);
        assertThat(manifest.files()).containsKeys("train.csv", "validation.csv", "test.csv", "labels.csv");
        List<String> labels = Files.readAllLines(stored.directory().resolve("labels.csv"));
        assertThat(labels).hasSize(1 + 12 + 4 + 8);
        assertThat(labels.subList(0, 3)).containsExactly("sample,label", "train/0,wing", "train/1,ring");
        assertThat(labels).contains("test/7,negative");
        assertThat(Files.readString(stored.directory().resolve("manifest.json")))
                .contains("\"content_sha256\"", "\"class_counts\"", "\"parent\" : null", "\"relabel_log\" : [ ]");
    }

    @Test
    void aStoredVersionsFolderIsAsOpenAsAnyFolderMadeThere() throws Exception {
        // versions are staged in a temporary folder; its owner-only mode must not become the version's
        Path plain = Files.createDirectory(dir.resolve("plain"));
        StoredDataset stored = new DatasetStore(dir.resolve("store")).save(SineDataset.generate(60, 0.05, 1));
        assertThat(Files.getPosixFilePermissions(stored.directory())).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void theSineDataIsARegressionWithoutClassesOrCounts() {
        StoredDataset stored = new DatasetStore(dir).save(SineDataset.generate(60, 0.05, 1));
        assertThat(stored.manifest().labels()).isEqualTo("regression, no classes");
        assertThat(stored.manifest().classes()).isNull();
        assertThat(stored.manifest().classCounts()).isNull();
        assertThat(stored.manifest().files()).doesNotContainKey("labels.csv");
        assertThat(stored.manifest().source()).contains("sin(x)");
        assertThatThrownBy(() -> new DatasetStore(dir).relabel("sine", stored.version(), "train/0", "1.0", "no"))
                .isInstanceOf(TinymlException.class).hasMessageContaining("is a regression data set (regression, no classes)");
    }

    @Test
    void aStoredVersionLoadsBackBitForBitWithTheSameHash() {
        DatasetStore store = new DatasetStore(dir);
        Dataset original = GestureSynthesizer.generate(2, 1, 1, 9);
        StoredDataset stored = store.save(original);
        StoredDataset loaded = store.load("magic_wand", stored.version());
        assertThat(loaded.contentHash()).isEqualTo(stored.contentHash());
        assertThat(loaded.dataset().train().inputs()).isDeepEqualTo(original.train().inputs());
        assertThat(loaded.dataset().test().targets()).isDeepEqualTo(original.test().targets());
        assertThat(loaded.dataset().labels()).isEqualTo(original.labels());
        assertThat(loaded.dataset().provenance()).isEqualTo(original.provenance());
        assertThat(store.save(loaded.dataset()).directory()).isEqualTo(stored.directory());
    }

    @Test
    void relabellingMakesANewVersionWithANewHashItsParentAndTheChangeLogged() {
        DatasetStore store = new DatasetStore(dir);
        StoredDataset original = gestures(store);
        StoredDataset relabelled = store.relabel("magic_wand", original.version(), "train/4", "slope", "it is a slope, alice");

        assertThat(relabelled.contentHash()).isNotEqualTo(original.contentHash()).matches("[0-9a-f]{64}");
        assertThat(relabelled.directory()).isNotEqualTo(original.directory()).isDirectory();
        assertThat(relabelled.manifest().parent())
                .isEqualTo(new DatasetManifest.Parent(original.version(), original.contentHash()));
        Relabelling change = relabelled.manifest().relabelLog().get(0);
        assertThat(change.sample()).isEqualTo("train/4");
        assertThat(change.oldLabel()).isEqualTo("wing");
        assertThat(change.newLabel()).isEqualTo("slope");
        assertThat(change.onVersion()).isEqualTo(original.version());
        assertThat(change.note()).isEqualTo("it is a slope, alice");
        assertThat(change.by()).isNotBlank();
        assertThat(relabelled.manifest().classCounts().get("train")).containsExactly(Map.entry("wing", 2),
                Map.entry("ring", 3), Map.entry("slope", 4), Map.entry("negative", 3));
        assertThat(relabelled.manifest().classCounts().get("test")).isEqualTo(original.manifest().classCounts().get("test"));
        assertThat(store.load("magic_wand", relabelled.version()).dataset().train().targets()[4])
                .containsExactly(Gesture.SLOPE.oneHot());
        assertThat(relabelled.manifest().source()).isEqualTo(original.manifest().source());
    }

    @Test
    void theRelabelledVersionIsLeftExactlyAsItWas() throws Exception {
        DatasetStore store = new DatasetStore(dir);
        StoredDataset original = gestures(store);
        Map<Path, byte[]> before = snapshot(original.directory());

        store.relabel("magic_wand", original.version(), "test/1", "negative", "");

        assertThat(snapshot(original.directory())).hasSameSizeAs(before);
        before.forEach((file, bytes) -> assertThat(original.directory().resolve(file)).hasBinaryContent(bytes));
        StoredDataset reloaded = store.load("magic_wand", original.version());
        assertThat(reloaded.contentHash()).isEqualTo(original.contentHash());
        assertThat(reloaded.dataset().test().targets()[1]).containsExactly(Gesture.RING.oneHot());
        assertThat(store.versions("magic_wand")).hasSize(2);
    }

    @Test
    void relabelsChainAndEachVersionLogsEveryChangeSinceTheOriginal() {
        DatasetStore store = new DatasetStore(dir);
        StoredDataset original = gestures(store);
        StoredDataset first = store.relabel("magic_wand", original.version(), "train/0", "ring", "one");
        StoredDataset second = store.relabel("magic_wand", first.version(), "validation/3", "wing", "two");
        assertThat(second.manifest().parent().version()).isEqualTo(first.version());
        assertThat(second.manifest().relabelLog()).extracting(Relabelling::sample).containsExactly("train/0", "validation/3");
        assertThat(second.manifest().relabelLog()).extracting(Relabelling::onVersion).containsExactly(original.version(), first.version());
        assertThat(store.versions("magic_wand")).extracting(DatasetManifest::version)
                .containsExactlyInAnyOrder(original.version(), first.version(), second.version());
    }

    @Test
    void undoingARelabelGivesBackTheVersionThatAlreadyHoldsThatContent() {
        DatasetStore store = new DatasetStore(dir);
        StoredDataset original = gestures(store);
        StoredDataset changed = store.relabel("magic_wand", original.version(), "train/2", "wing", "mistake");
        StoredDataset undone = store.relabel("magic_wand", changed.version(), "train/2", "slope", "undo");
        assertThat(undone.directory()).isEqualTo(original.directory());
        assertThat(undone.manifest().relabelLog()).isEmpty();
    }

    @Test
    void unknownDataSetsVersionsSamplesAndLabelsAreRefusedByName() {
        DatasetStore store = new DatasetStore(dir);
        String version = gestures(store).version();
        assertThatThrownBy(() -> store.relabel("magic_wnd", version, "train/0", "ring", ""))
                .isInstanceOf(TinymlException.class).hasMessage("no data set 'magic_wnd' in " + dir + "; known: magic_wand");
        assertThatThrownBy(() -> store.relabel("magic_wand", "ffffffff", "train/0", "ring", ""))
                .hasMessage("no version 'ffffffff' of data set magic_wand; known: " + version);
        assertThatThrownBy(() -> store.relabel("magic_wand", version, "train/12", "ring", ""))
                .hasMessage("magic_wand version " + version + " has no sample train/12: its train split holds 12 samples, "
                        + "train/0 to train/11");
        assertThatThrownBy(() -> store.relabel("magic_wand", version, "training/1", "ring", ""))
                .hasMessageContaining("sample 'training/1' is not <split>/<index> with a split of train, validation, test");
        assertThatThrownBy(() -> store.relabel("magic_wand", version, "train/1", "circle", ""))
                .hasMessage("'circle' is not a class of magic_wand; classes: wing, ring, slope, negative");
        assertThatThrownBy(() -> store.relabel("magic_wand", version, "train/1", "ring", ""))
                .hasMessage("train/1 of magic_wand version " + version + " is already labelled 'ring'; nothing to change");
        assertThat(store.versions("magic_wand")).hasSize(1);
    }

    @Test
    void aVersionIsFoundByAUniqueStartOrItsFullHash() {
        DatasetStore store = new DatasetStore(dir);
        StoredDataset stored = gestures(store);
        assertThat(store.manifest("magic_wand", stored.version().substring(0, 5)).version()).isEqualTo(stored.version());
        assertThat(store.manifest("magic_wand", stored.contentHash()).version()).isEqualTo(stored.version());
        String wrongTail = stored.contentHash().substring(0, 40) + "0".repeat(24);
        assertThatThrownBy(() -> store.manifest("magic_wand", wrongTail)).hasMessageStartingWith("no version '" + wrongTail + "'");
    }

    @Test
    void aFileChangedAfterStoringIsNamedWhenTheVersionIsLoaded() throws Exception {
        DatasetStore store = new DatasetStore(dir);
        StoredDataset stored = gestures(store);
        Path labels = stored.directory().resolve("labels.csv");
        Files.writeString(labels, Files.readString(labels).replace("train/0,wing", "train/0,ring"));
        assertThatThrownBy(() -> store.load("magic_wand", stored.version()))
                .hasMessageStartingWith(labels + " changed after it was stored: sha256 ");
    }

    @Test
    void aTargetThatIsNotOneHotOverTheClassesIsRefusedWithItsSample() {
        Split train = new Split(new float[][] {{0}, {1}}, new float[][] {{1, 0}, {0.5f, 0.5f}});
        Split empty = new Split(new float[0][], new float[0][]);
        Dataset odd = new Dataset("odd", "hand-made", Provenance.UNDECLARED, Labels.classes(List.of("a", "b")), train, empty, empty);
        assertThatThrownBy(() -> new DatasetStore(dir).save(odd))
                .hasMessage("odd train/1: target [0.5, 0.5] is not one-hot over the 2 classes [a, b]");
    }

    @Test
    void aDataSetThatDeclaresNothingSaysSoAndNumbersTheClassesOfItsOneHotTargets() {
        Split train = new Split(new float[][] {{0}, {1}, {2}}, new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 0, 1}});
        Split one = new Split(new float[][] {{3}}, new float[][] {{0, 1, 0}});
        StoredDataset stored = new DatasetStore(dir).save(new Dataset("plain", "hand-made", train, one, one));
        assertThat(stored.manifest().source()).isEqualTo("not declared");
        assertThat(stored.manifest().licence()).isEqualTo("not declared");
        assertThat(stored.manifest().classes()).containsExactly("0", "1", "2");
        assertThat(stored.manifest().classCounts().get("train")).containsExactly(Map.entry("0", 1), Map.entry("1", 0), Map.entry("2", 2));
        Split values = new Split(new float[][] {{0}}, new float[][] {{0.3f, 0.7f}});
        assertThat(new Dataset("values", "hand-made", values, values, values).labels().isRegression()).isTrue();
    }

    private static Map<Path, byte[]> snapshot(Path directory) throws Exception {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path file : paths.toList()) {
                files.put(directory.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
