package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.DataSets;
import io.tinymlaas.app.Models;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetManifest.Relabelling;
import io.tinymlaas.data.Gesture;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.examples.MagicWand;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.train.TrainingConfig.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Steps over the same DatasetStore and ModelRegistry calls `tinyml data` and `tinyml models` make, in a store of their own. */
public class RelabelSteps {

    private final Path stores;
    private final World world;
    private final DataSets store;
    /** A few epochs: the scenario is about where a model's data came from, not how good the model is. */
    private static final List<Phase> BRIEF_TRAINING = List.of(new Phase(3, 0.01f));

    private StoredDataset original;
    private Map<Path, byte[]> originalFiles;
    private StoredDataset relabelled;
    private TinymlException refusal;
    private Lifecycle lifecycle;
    private StoredModel model;
    private ConvertedModel int8;
    private List<Quality> quality;

    public RelabelSteps(World world) {
        stores = world.layout.output().resolve("acceptance").resolve("relabel-" + System.nanoTime());
        this.world = world;
        store = world.tinyml.data(stores.resolve("datasets"));
    }

    @Given("a gesture data set of {int} windows per class for training, {int} for validation and {int} for testing is collected and stored")
    public void collect(int train, int validation, int test) throws Exception {
        MagicWand example = new MagicWand(new MagicWand.Profile("acceptance", train, validation, test, BRIEF_TRAINING, 0.0));
        lifecycle = world.tinyml.lifecycle(example, stores.resolve("work"), stores.resolve("datasets"));
        original = lifecycle.collect();
        originalFiles = files(original.directory());
    }

    @Then("its manifest names the source, the licence and the classes wing, ring, slope and negative")
    public void manifestNamesOrigin() {
        DatasetManifest manifest = store.show("magic_wand", original.version()).manifest();
        assertThat(manifest.source()).startsWith("synthesized by TinyMLaaS").contains("GestureSynthesizer");
        assertThat(manifest.licence()).isNotBlank().isNotEqualTo("not declared");
        assertThat(manifest.classes()).containsExactly("wing", "ring", "slope", "negative");
        assertThat(manifest.contentSha256()).isEqualTo(original.contentHash()).startsWith(manifest.version());
        assertThat(manifest.parent()).isNull();
    }

    @Then("its manifest counts {int} windows of every class in train, {int} in validation and {int} in test")
    public void manifestCounts(int train, int validation, int test) {
        Map<String, Map<String, Integer>> counts = store.show("magic_wand", original.version()).manifest().classCounts();
        assertThat(counts.get("train").values()).hasSize(4).containsOnly(train);
        assertThat(counts.get("validation").values()).hasSize(4).containsOnly(validation);
        assertThat(counts.get("test").values()).hasSize(4).containsOnly(test);
    }

    @Then("labels.csv gives every one of its {int} samples its class")
    public void labelsFile(int samples) throws Exception {
        List<String> lines = Files.readAllLines(original.directory().resolve("labels.csv"));
        assertThat(lines).hasSize(samples + 1).startsWith("sample,label");
        assertThat(lines).contains("train/0,wing", "train/1,ring", "validation/2,slope", "test/3,negative");
    }

    @When("sample {word} is relabelled {string} with the note {string}")
    public void relabel(String sample, String label, String note) {
        refusal = catchThrowableOfType(TinymlException.class, () -> relabelled = store.load("magic_wand",
                store.relabel("magic_wand", original.version(), sample, label, note).after().version()));
    }

    @Then("a new version is stored with a new content hash, and its parent is the original version")
    public void newVersion() {
        assertThat(refusal).isNull();
        assertThat(relabelled.contentHash()).matches("[0-9a-f]{64}").isNotEqualTo(original.contentHash());
        assertThat(relabelled.version()).isNotEqualTo(original.version());
        assertThat(store.list().get("magic_wand")).extracting(DatasetManifest::version)
                .containsExactlyInAnyOrder(original.version(), relabelled.version());
        assertThat(store.show("magic_wand", relabelled.version()).manifest().parent())
                .isEqualTo(new DatasetManifest.Parent(original.version(), original.contentHash()));
    }

    @Then("its relabel log says {word} went from {string} to {string} with the note {string}")
    public void relabelLog(String sample, String from, String to, String note) {
        List<Relabelling> log = store.show("magic_wand", relabelled.version()).manifest().relabelLog();
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).extracting(Relabelling::sample, Relabelling::oldLabel, Relabelling::newLabel, Relabelling::onVersion,
                Relabelling::note).containsExactly(sample, from, to, original.version(), note);
    }

    @Then("the new version's train split counts {int} wing, {int} ring, {int} slope and {int} negative windows")
    public void newCounts(int wing, int ring, int slope, int negative) {
        assertThat(store.show("magic_wand", relabelled.version()).manifest().classCounts().get("train"))
                .containsExactly(Map.entry("wing", wing), Map.entry("ring", ring), Map.entry("slope", slope), Map.entry("negative", negative));
    }

    @Then("the original version is unchanged: the same files and hash, and {word} is still {string}")
    public void originalUnchanged(String sample, String label) throws Exception {
        Map<Path, byte[]> now = files(original.directory());
        assertThat(now.keySet()).isEqualTo(originalFiles.keySet());
        originalFiles.forEach((file, bytes) -> assertThat(now.get(file)).as(file.toString()).isEqualTo(bytes));
        StoredDataset reloaded = store.load("magic_wand", original.version());
        assertThat(reloaded.contentHash()).isEqualTo(original.contentHash());
        int index = Integer.parseInt(sample.substring(sample.indexOf('/') + 1));
        assertThat(reloaded.dataset().labels().labelOf(reloaded.dataset().split(sample.substring(0, sample.indexOf('/')))
                .targets()[index], sample)).isEqualTo(label);
    }

    @Then("the relabelling is refused with {string}")
    public void refused(String message) {
        assertThat(refusal).isNotNull().hasMessage(message);
    }

    @Then("the data set still has {int} version(s)")
    public void versionCount(int count) {
        assertThat(store.list().get("magic_wand")).hasSize(count);
    }

    @When("a gesture CNN is trained briefly on the relabelled version and stored")
    public void trainOnRelabelled() {
        lifecycle.use(relabelled);
        lifecycle.train();
        model = lifecycle.store();
    }

    @Then("the model registry lists the model with the relabelled version, its content hash and the training figures")
    public void registered() {
        List<RegisteredModel> models = registry().list();
        assertThat(models).hasSize(1);
        RegisteredModel entry = models.get(0);
        assertThat(entry.id()).isEqualTo("magic_wand-" + model.sha256().substring(0, 12));
        assertThat(entry.data()).isEqualTo(new RegisteredModel.DataVersion("magic_wand", relabelled.version(), relabelled.contentHash()));
        assertThat(entry.modelFile()).isEqualTo(model.file().toString());
        assertThat(entry.training()).containsEntry("epochs", BRIEF_TRAINING.get(0).epochs()).containsKeys("final_training_loss", "validation_accuracy");
        assertThat(entry.quality()).isEmpty();
    }

    @When("the stored model is converted to int8 and judged by the reference interpreter")
    public void judge() {
        int8 = lifecycle.convert();
        quality = lifecycle.checkWithReference();
    }

    @Then("the model's registry entry holds the int8 file and its accuracy on the test split")
    public void judged() {
        RegisteredModel entry = registry().show(lifecycle.registered().id()).model();
        assertThat(entry.int8().sha256()).isEqualTo(int8.sha256());
        assertThat(entry.int8().bytes()).isEqualTo(int8.bytes().length);
        assertThat(entry.quality()).hasSize(1 + Gesture.values().length);
        assertThat(entry.quality().get(0).metric()).startsWith("accuracy on the test split");
        assertThat(entry.quality().get(0).value()).isEqualTo(quality.get(0).value()).isBetween(0.0, 1.0);
    }

    private Models registry() {
        return world.tinyml.models(stores.resolve("models"));
    }

    private static Map<Path, byte[]> files(Path directory) throws Exception {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path file : paths.toList()) {
                files.put(directory.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
