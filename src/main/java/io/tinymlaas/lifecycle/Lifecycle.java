package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.Progress;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.Labels;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.ClassifierQuality;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.ModelRecipe;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.ConfusionMatrix;
import io.tinymlaas.report.Predictions;
import io.tinymlaas.report.Quality;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.ModelMetadata;
import io.tinymlaas.tflite.TfliteWriter;
import io.tinymlaas.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One example's way through the lifecycle, one method per stage, each using what the previous ones made:
 * collect → train → (store) → convert → check against the reference → compile → run on a target → compare.
 * The example's {@link ModelRecipe} decides how it is trained and converted.
 * The CLI, the REST API and the acceptance steps all drive this class.
 */
public final class Lifecycle {

    private final Example example;
    private final Path workDirectory;
    private final DatasetStore datasets;
    private final ModelRegistry models;

    private StoredDataset dataset;
    private ModelRecipe recipe;
    private TrainedModel training;
    private StoredModel stored;
    private RegisteredModel registered;
    private ConvertedModel converted;
    private List<byte[]> testInputs;
    private List<byte[]> referenceOutputs;
    private ConfusionMatrix confusion;
    private CompiledModel compiled;
    private TargetRun targetRun;
    private ArithmeticProfile profile = ArithmeticProfile.TFLITE_2_6;
    private List<byte[]> oracleOutputs;

    /** Data sets are stored under {@code datasetRoot}, stored models registered in the folder {@code models} beside it. */
    public Lifecycle(Example example, Path workDirectory, Path datasetRoot) {
        this.example = example;
        this.workDirectory = workDirectory;
        this.datasets = new DatasetStore(datasetRoot);
        this.models = new ModelRegistry(datasetRoot.resolveSibling("models"));
    }

    public Example example() {
        return example;
    }

    public StoredDataset collect() {
        dataset = datasets.save(example.collect());
        return dataset;
    }

    /** Instead of collecting: goes on with a version already stored, e.g. one a data scientist relabelled. */
    public StoredDataset use(StoredDataset stored) {
        dataset = stored;
        return dataset;
    }

    /** The data set version this lifecycle collected or was told to use. */
    public StoredDataset dataset() {
        require(dataset, "collect");
        return dataset;
    }

    /** Trains with the example's recipe: a {@code TrainingResult} for a dense regression, a {@code ConvTrainingResult} for a CNN. */
    public TrainedModel train() {
        return train(example.recipe().seed());
    }

    /** Trains with the example's recipe from {@code seed}: the same data, recipe and seed give the same model. */
    public TrainedModel train(long seed) {
        return train(seed, Progress.SILENT);
    }

    /** Like {@link #train(long)}, counting the epochs on {@code progress}. */
    public TrainedModel train(long seed, Progress progress) {
        require(dataset, "collect");
        recipe = example.recipe().withSeed(seed);
        training = recipe.train(dataset.dataset().train(), dataset.dataset().validation(), progress);
        return training;
    }

    /** The seed the model was trained from: the one given to {@link #train(long)}, else the example's own. */
    public long trainingSeed() {
        require(training, "train");
        return recipe.seed();
    }

    /**
     * Stores the trained float model as {@code <example>.model.json} in the work folder: the weights, and a manifest
     * tying them to the exact data (name, version and content hash), the recipe and seed, and the training figures;
     * and registers it in the model registry. Nothing in it depends on the run or the checkout (keys keep their order,
     * no folder is named), so the same data, recipe and seed store the same file, with the same hash and registry id.
     */
    public StoredModel store() {
        require(training, "train");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("example", example.name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", dataset.dataset().name());
        data.put("version", dataset.version());
        data.put("content_sha256", dataset.contentHash());
        data.put("recipe", dataset.dataset().recipe());
        manifest.put("data", data);
        Map<String, Object> recipeEntry = new LinkedHashMap<>();
        recipeEntry.put("kind", recipe.getClass().getSimpleName());
        recipeEntry.put("config", recipe);
        manifest.put("recipe", recipeEntry);
        manifest.put("seed", recipe.seed());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochs", training.lossPerEpoch().size());
        metrics.put("final_training_loss", training.lossPerEpoch().get(training.lossPerEpoch().size() - 1));
        metrics.putAll(training.validationMetrics());
        metrics.put("loss_per_epoch", training.lossPerEpoch());
        manifest.put("metrics", metrics);
        manifest.put("network", training.network());
        stored = StoredModel.write(workDirectory.resolve(example.name() + ".model.json"), manifest);
        registered = models.register(stored);
        return stored;
    }

    /** Whether {@link #store()} has run, so that {@link #registered()} has an entry to give. */
    public boolean isRegistered() {
        return registered != null;
    }

    /** The registry entry of the stored model, with the int8 model's quality once the reference has judged it. */
    public RegisteredModel registered() {
        require(registered, "store");
        return registered;
    }

    /** The float model judged like the int8 one, on the same test split, so the cost of quantization shows. */
    public List<Quality> judgeFloatModel() {
        require(training, "train");
        Split test = dataset.dataset().test();
        List<float[]> outputs = new ArrayList<>(test.size());
        for (float[] x : test.inputs()) {
            outputs.add(training.network().predict(x));
        }
        return example.judge(test, outputs);
    }

    public ConvertedModel convert() {
        require(training, "train");
        TfliteModel model = recipe.convert(training, dataset.dataset().train().inputs(),
                example.name() + " int8, data " + dataset.contentHash().substring(0, 12));
        Labels labels = dataset.dataset().labels();
        ModelMetadata metadata = new ModelMetadata(example.name(), "data " + dataset.version() + ", seed " + recipe.seed(),
                model.description() + "; " + labels.describe() + "; trained by TinyMLaaS on data set " + dataset.dataset().name(),
                "TinyMLaaS", "data: " + dataset.dataset().provenance().licence(), example.modelInput(), labels.classes());
        byte[] bytes = TfliteWriter.write(model, metadata);
        Path file = workDirectory.resolve(example.name() + ".tflite");
        write(file, bytes);
        converted = new ConvertedModel(model, bytes, file, Hashes.sha256(bytes));
        return converted;
    }

    /**
     * Runs the reference interpreter on the test split: its outputs are the golden ones, and they must be good.
     * The quality goes into the registry entry of the stored model, if the model was stored; a classifier's outputs are
     * also counted by class ({@link #confusion()}).
     */
    public List<Quality> checkWithReference() {
        require(converted, "convert");
        Split test = dataset.dataset().test();
        ReferenceScores scores = ReferenceScores.of(converted.model(), converted.bytes(), converted.file().toString(), test);
        testInputs = scores.inputs();
        referenceOutputs = scores.outputs();
        List<Quality> quality = example.judge(test, scores.dequantized());
        Labels labels = dataset.dataset().labels();
        confusion = labels.isRegression() ? null : ClassifierQuality.confusion(test, scores.dequantized(), labels.classes());
        if (registered != null) {
            registered = models.recordQuality(registered.id(), converted, quality);
        }
        return quality;
    }

    /** A classifier's test split counted by true and predicted class (the reference interpreter's); empty for a regression. */
    public Optional<ConfusionMatrix> confusion() {
        require(referenceOutputs, "check with the reference");
        return Optional.ofNullable(confusion);
    }

    /**
     * A model of one number to one number on the test split beside what it should answer (hello_world: sin(x)): the
     * reference interpreter's outputs and, once a target has run, the target's; empty for every other model.
     */
    public Optional<Predictions> predictions() {
        require(referenceOutputs, "check with the reference");
        float[][] x = dataset.dataset().test().inputs();
        if (example.truth().isEmpty() || x.length == 0 || x[0].length != 1 || referenceOutputs.get(0).length != 1) {
            return Optional.empty();
        }
        Example.Truth truth = example.truth().get();
        Quantization out = converted.model().output().quantization();
        List<Double> inputs = java.util.Arrays.stream(x).map(sample -> (double) sample[0]).toList();
        return Optional.of(new Predictions(truth.name(), inputs, inputs.stream().map(truth.function()::applyAsDouble).toList(),
                firstValues(referenceOutputs, out), targetRun == null ? null : firstValues(targetRun.outputs(), out)));
    }

    private static List<Double> firstValues(List<byte[]> outputs, Quantization q) {
        return outputs.stream().map(output -> q.dequantize(output[0])).toList();
    }

    /** Compiles the .tflite file as written to disk, read back through our reader, as a user's file would be. */
    public CompiledModel compile() {
        require(converted, "convert");
        compiled = AotCompiler.compile(converted.file(), profile).compiled();
        return compiled;
    }

    /** This lifecycle with the model compiled for {@code arithmetic} (see {@link #compareWithReference}). */
    public Lifecycle inProfile(ArithmeticProfile arithmetic) {
        profile = arithmetic;
        return this;
    }

    /**
     * Outside the default profile, the oracle's outputs for the inputs the target ran: our x86 build of the same compiled
     * model (without it, the target's outputs are their own oracle, as on x86 itself).
     */
    public void runOracle(InferenceTarget x86) {
        require(targetRun, "run on a target");
        oracleOutputs = x86.run(compiled, testInputs.subList(0, targetRun.outputs().size())).outputs();
    }


    public TargetRun runOn(InferenceTarget target) {
        require(testInputs, "check with the reference");
        return runOn(target, testInputs.size());
    }

    /**
     * Runs the first {@code count} test inputs only (all of them when there are fewer): a board under an instruction-
     * counting emulator takes seconds per inference of a large model, so a quick check can sample what the nightly
     * build runs in full.
     */
    public TargetRun runOn(InferenceTarget target, int count) {
        require(compiled, "compile");
        require(testInputs, "check with the reference");
        targetRun = target.run(compiled, testInputs.subList(0, Math.min(count, testInputs.size())));
        return targetRun;
    }

    /**
     * The target's outputs against the reference for the same test inputs: the interpreter's in the default profile,
     * else our x86 build's in the same profile ({@link #runOracle}).
     */
    public Comparison compareWithReference() {
        require(targetRun, "run on a target");
        if (profile != ArithmeticProfile.TFLITE_2_6) {
            return Comparison.of(targetRun.outputs(), oracleOutputs != null ? oracleOutputs : targetRun.outputs());
        }
        return compareWithInterpreter();
    }

    /** The target's outputs against the TF Lite 2.6 interpreter's, whatever the profile. */
    public Comparison compareWithInterpreter() {
        require(targetRun, "run on a target");
        return Comparison.of(targetRun.outputs(), referenceOutputs.subList(0, targetRun.outputs().size()));
    }

    public List<byte[]> testInputs() {
        require(testInputs, "check with the reference");
        return testInputs;
    }

    static float[] dequantize(byte[] values, Quantization q) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) q.dequantize(values[i]);
        }
        return result;
    }

    private static void require(Object stageResult, String stage) {
        if (stageResult == null) {
            throw new IllegalStateException("the '" + stage + "' stage has not run yet");
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new TinymlException("cannot write " + file + ": " + IoFailure.reason(e), e);
        }
    }
}
