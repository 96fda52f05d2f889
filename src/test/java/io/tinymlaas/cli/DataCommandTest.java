package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.GestureSynthesizer;
import io.tinymlaas.data.SineDataset;
import io.tinymlaas.data.StoredDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml data`: the CLI over the same DatasetStore the pipeline writes, pointed at a temporary store. */
class DataCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private DatasetStore store;
    private StoredDataset gestures;

    @BeforeEach
    void storeTinyGestures() {
        store = new DatasetStore(dir);
        gestures = store.save(GestureSynthesizer.generate(3, 1, 2, 5));
    }

    private int run(String... args) {
        String[] withStore = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--store", dir.toString()))
                .toArray(String[]::new);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), withStore);
    }

    @Test
    void relabelPrintsTheChangeTheNewVersionAndTheCountsAndStoresTheNewVersion() {
        int code = run("data", "relabel", "magic_wand", "--version", gestures.version().substring(0, 6), "--sample", "train/1",
                "--label", "slope", "--note", "bob: drawn as a slope");
        assertThat(code).as(err.toString()).isZero();
        List<DatasetManifest> versions = store.versions("magic_wand");
        assertThat(versions).hasSize(2);
        DatasetManifest relabelled = versions.stream().filter(m -> m.parent() != null).findFirst().orElseThrow();
        assertThat(relabelled.relabelLog().get(0).note()).isEqualTo("bob: drawn as a slope");
        assertThat(out.toString())
                .contains("magic_wand train/1: ring -> slope")
                .contains("new version " + relabelled.version() + " (sha256 " + relabelled.contentSha256() + "), parent "
                        + gestures.version() + ", which is unchanged")
                .contains("class counts of train: wing 3, ring 2, slope 4, negative 3 (was wing 3, ring 3, slope 3, negative 3)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void relabellingBackToTheOldClassSaysTheDataEqualsTheVersionAlreadyStored() {
        StoredDataset changed = store.relabel("magic_wand", gestures.version(), "train/1", "wing", "mistake");
        assertThat(run("data", "relabel", "magic_wand", "--version", changed.version(), "--sample", "train/1", "--label", "ring"))
                .isZero();
        assertThat(out.toString()).isEqualTo("magic_wand train/1: relabelled to 'ring', the data equals version " + gestures.version()
                + ", already stored; " + changed.version() + " is unchanged" + System.lineSeparator());
        assertThat(store.versions("magic_wand")).hasSize(2);
    }

    @Test
    void showPrintsTheManifestWithClassCountsAndTheRelabelLog() {
        StoredDataset relabelled = store.relabel("magic_wand", gestures.version(), "test/0", "negative", "carol: idle hand");
        assertThat(run("data", "show", "magic_wand", "--version", relabelled.version())).isZero();
        assertThat(out.toString())
                .contains("magic_wand version " + relabelled.version())
                .contains("source         synthesized by TinyMLaaS")
                .contains("licence        none needed")
                .contains("labels         4 classes: wing, ring, slope, negative; one class per sample, in labels.csv")
                .contains("parent         " + gestures.version())
                .containsPattern("class counts +wing +ring +slope +negative +total")
                .containsPattern("train +3 +3 +3 +3 +12")
                .containsPattern("test +1 +2 +2 +3 +8")
                .contains("relabel log: 1 change(s) since the original")
                .contains("test/0: wing -> negative on " + gestures.version() + " by ")
                .contains(": carol: idle hand");
    }

    @Test
    void showWithoutAVersionShowsTheNewestAndJsonIsTheStoredManifest() throws Exception {
        StoredDataset relabelled = store.relabel("magic_wand", gestures.version(), "train/0", "ring", "");
        assertThat(run("data", "show", "magic_wand")).isZero();
        assertThat(out.toString()).startsWith("magic_wand version " + relabelled.version() + " (the newest of 2 versions");
        out.getBuffer().setLength(0);
        assertThat(run("data", "show", "magic_wand", "--version", gestures.version(), "--json")).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.toString());
        assertThat(manifest.get("content_sha256").asText()).isEqualTo(gestures.contentHash());
        assertThat(manifest.get("class_counts").get("validation").get("slope").asInt()).isEqualTo(1);
    }

    @Test
    void listShowsEveryVersionWithItsParentAndARegressionSaysSo() {
        StoredDataset relabelled = store.relabel("magic_wand", gestures.version(), "train/0", "ring", "");
        StoredDataset sine = store.save(SineDataset.generate(30, 0.05, 1));
        assertThat(run("data", "list")).isZero();
        assertThat(out.toString())
                .containsPattern("magic_wand +" + gestures.version() + " +- +12/4/8 +0 ")
                .containsPattern("magic_wand +" + relabelled.version() + " +" + gestures.version() + " +12/4/8 +1 ")
                .containsPattern("sine +" + sine.version() + " +- +20/5/5 +0 .*regression, no classes");
    }

    @Test
    void unknownDataSetsVersionsSamplesAndLabelsAreOneLineAndExitCodeTwo() {
        String v = gestures.version();
        assertRefused("tinyml: no data set 'magic' in " + dir + "; known: magic_wand",
                "data", "relabel", "magic", "--version", v, "--sample", "train/0", "--label", "ring");
        assertRefused("tinyml: no version '0000' of data set magic_wand; known: " + v,
                "data", "relabel", "magic_wand", "--version", "0000", "--sample", "train/0", "--label", "ring");
        assertRefused("tinyml: magic_wand version " + v + " has no sample validation/4: its validation split holds 4 samples, "
                        + "validation/0 to validation/3",
                "data", "relabel", "magic_wand", "--version", v, "--sample", "validation/4", "--label", "ring");
        assertRefused("tinyml: 'loop' is not a class of magic_wand; classes: wing, ring, slope, negative",
                "data", "relabel", "magic_wand", "--version", v, "--sample", "train/0", "--label", "loop");
        assertRefused("tinyml: no version '0000' of data set magic_wand; known: " + v,
                "data", "show", "magic_wand", "--version", "0000");
        assertThat(store.versions("magic_wand")).hasSize(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void relabellingFromAnEditedLabelsCsvMakesOneVersionWithOnlyTheRealChanges() throws Exception {
        // the version's own labels.csv with two lines edited: train/1 ring -> slope, test/0 wing -> negative
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(gestures.directory().resolve("labels.csv")));
        lines.replaceAll(line -> line.equals("train/1,ring") ? "train/1,slope" : line.equals("test/0,wing") ? "test/0,negative" : line);
        Path edited = java.nio.file.Files.write(dir.resolve("edited.csv"), lines);

        int code = run("data", "relabel", "magic_wand", "--version", gestures.version(), "--from", edited.toString(), "--note", "review 3");

        assertThat(code).as(err.toString()).isZero();
        DatasetManifest relabelled = store.versions("magic_wand").stream().filter(m -> m.parent() != null).findFirst().orElseThrow();
        assertThat(relabelled.relabelLog()).extracting(DatasetManifest.Relabelling::sample, DatasetManifest.Relabelling::oldLabel,
                DatasetManifest.Relabelling::newLabel, DatasetManifest.Relabelling::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("train/1", "ring", "slope", "review 3"),
                        org.assertj.core.groups.Tuple.tuple("test/0", "wing", "negative", "review 3"));
        assertThat(out.toString()).contains("magic_wand: 2 sample(s) relabelled from " + edited)
                .contains("class counts of train: wing 3, ring 2, slope 4, negative 3 (was wing 3, ring 3, slope 3, negative 3)")
                .contains("class counts of test: wing 1, ring 2, slope 2, negative 3 (was wing 2, ring 2, slope 2, negative 2)")
                .doesNotContain("class counts of validation");
        assertThat(store.load("magic_wand", gestures.version()).contentHash()).isEqualTo(gestures.contentHash());
    }

    @Test
    void aBadLineOrSampleInTheFileRefusesTheWholeBatchAndStoresNothing() throws Exception {
        String v = gestures.version();
        Path badLine = java.nio.file.Files.write(dir.resolve("bad-line.csv"), List.of("train/1,slope", "train/2 ring"));
        assertRefused("tinyml: " + badLine + ":2: 'train/2 ring' is not <split/index>,<class> (e.g. train/17,ring)",
                "data", "relabel", "magic_wand", "--version", v, "--from", badLine.toString());
        Path twice = java.nio.file.Files.write(dir.resolve("twice.csv"), List.of("train/1,slope", "train/1,wing"));
        assertRefused("tinyml: train/1 is given more than once; give each sample one new label",
                "data", "relabel", "magic_wand", "--version", v, "--from", twice.toString());
        Path badClass = java.nio.file.Files.write(dir.resolve("bad-class.csv"), List.of("train/1,slope", "train/2,loop"));
        assertRefused("tinyml: 'loop' is not a class of magic_wand; classes: wing, ring, slope, negative",
                "data", "relabel", "magic_wand", "--version", v, "--from", badClass.toString());
        assertRefused("tinyml: every one of the 24 sample(s) given already has that label in magic_wand version " + v + "; nothing to change",
                "data", "relabel", "magic_wand", "--version", v, "--from", gestures.directory().resolve("labels.csv").toString());
        assertRefused("tinyml: give either --sample and --label, or --from <file.csv>",
                "data", "relabel", "magic_wand", "--version", v, "--sample", "train/1", "--from", badLine.toString());
        assertThat(store.versions("magic_wand")).hasSize(1);
    }

    @Test
    void aSpreadsheetsCsvWithAByteOrderMarkAndCrlfLinesIsReadAsWritten() throws Exception {
        Path excel = java.nio.file.Files.write(dir.resolve("excel.csv"),
                "\uFEFFsample,label\r\ntrain/1,slope\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int code = run("data", "relabel", "magic_wand", "--version", gestures.version(), "--from", excel.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("magic_wand: 1 sample(s) relabelled from " + excel);
    }

    @Test
    void relabellingTheSameWayTwiceGivesTheFirstVersionAgainAndSaysSo() throws Exception {
        Path changes = java.nio.file.Files.write(dir.resolve("changes.csv"), List.of("train/1,slope"));
        String[] args = {"data", "relabel", "magic_wand", "--version", gestures.version(), "--from", changes.toString(), "--note", "first"};
        assertThat(run(args)).isZero();
        DatasetManifest first = store.versions("magic_wand").stream().filter(m -> m.parent() != null).findFirst().orElseThrow();
        assertThat(out.toString()).contains("new version " + first.version());
        out.getBuffer().setLength(0);
        args[args.length - 1] = "again";
        assertThat(run(args)).isZero();
        assertThat(out.toString()).contains("the same relabelling was made before: version " + first.version() + " (sha256 ")
                .doesNotContain("new version");
        assertThat(store.versions("magic_wand")).hasSize(2);
        assertThat(store.manifest("magic_wand", first.version()).relabelLog().get(0).note()).isEqualTo("first");
    }

    @Test
    void anEmptyOrMissingChangesFileIsOneLineThatSaysSoAndStoresNothing() throws Exception {
        String v = gestures.version();
        Path empty = java.nio.file.Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertRefused("tinyml: " + empty + ": no <split/index>,<class> lines (e.g. train/17,ring); nothing to change",
                "data", "relabel", "magic_wand", "--version", v, "--from", empty.toString());
        Path missing = dir.resolve("missing.csv");
        assertRefused("tinyml: cannot read " + missing + ": no such file or folder: " + missing,
                "data", "relabel", "magic_wand", "--version", v, "--from", missing.toString());
        assertThat(store.versions("magic_wand")).hasSize(1);
    }

    @Test
    void aDamagedManifestIsNamedWithWhereItsJsonBreaksInOneLine() throws Exception {
        Path manifest = java.nio.file.Files.writeString(gestures.directory().resolve("manifest.json"), "garbage");
        assertThat(run("data", "show", "magic_wand", "--version", gestures.version())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: cannot read " + manifest + ": not valid JSON at line 1, column 1: Unrecognized "
                + "token 'garbage': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
                + System.lineSeparator());
    }

    @Test
    void aStoreThatIsAFileIsRefusedRatherThanShownEmpty() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("store.txt"), "not a folder");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "data", "list", "--store", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: " + file + " is a file, not a data set store folder" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    private void assertRefused(String message, String... args) {
        err.getBuffer().setLength(0);
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(message + System.lineSeparator());
    }

    @Test
    void importStoresAUsersPicturesAsAVersionAndSaysHowToTrainOnIt() throws Exception {
        Path pictures = dir.resolveSibling(dir.getFileName() + "-pictures");
        for (String label : List.of("empty room", "person")) {
            Path folder = Files.createDirectories(pictures.resolve(label));
            for (int i = 0; i < 3; i++) {
                Files.writeString(folder.resolve("frame " + i + ".pgm"), "P2 4 4 255 " + ((label.length() * 20 + i) + " ").repeat(16));
            }
        }

        int code = run("data", "import", "person_detection", pictures.toString(), "--source", "my webcam", "--licence", "CC0-1.0");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("person_detection version [0-9a-f]{12}: 6 files of 2 classes \\{empty room=3, person=3\\}; "
                        + "samples train/validation/test 2/2/2")
                .contains("empty room/frame ").contains("PGM 4x4 gray, scaled to 96x96")
                .containsPattern("train on it: tinyml dry-run person_detection --data [0-9a-f]{12}");
        assertThat(store.names()).contains("person_detection");
        assertThat(store.versions("person_detection").get(0).source()).isEqualTo("my webcam");
    }

    @Test
    void importRefusesAnExampleWithoutFilesAndMissingProvenance() throws Exception {
        assertThat(run("data", "import", "magic_wand", dir.toString(), "--source", "me", "--licence", "CC0-1.0")).isEqualTo(2);
        assertThat(err.toString()).contains("magic_wand takes no imported files: micro_speech imports WAV recordings");
        assertThat(run("data", "import", "micro_speech", dir.toString(), "--source", " ", "--licence", "CC0-1.0")).isEqualTo(2);
        assertThat(err.toString()).contains("say where the data comes from and under which licence");
    }
}
