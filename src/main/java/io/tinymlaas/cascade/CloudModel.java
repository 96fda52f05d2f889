package io.tinymlaas.cascade;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.ModelRecipe;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.train.TrainedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud's model: the example's own recipe {@value #WIDTH} times as wide in every hidden layer, trained by our
 * trainer on the same data version and from the same seed as the device's model, and answering in float32 (no
 * quantization). The same data, recipe and seed train the same model, so it is trained once: the float model is stored
 * (weights and manifest) in the folder given, its answers on the held-out split beside it, and later asks read those.
 */
public final class CloudModel {

    public static final int WIDTH = 2;

    private final Path folder;

    public CloudModel(Path folder) {
        this.folder = folder;
    }

    /**
     * The cloud model's class probabilities for each sample of the held-out split, what the model is, and whether it
     * was trained by this call.
     */
    public record Answers(String description, String modelFile, List<float[]> heldOut, boolean trainedNow) {
    }

    public Answers answers(Example example, StoredDataset data, long seed) {
        ModelRecipe recipe = example.recipe().withSeed(seed).wider(WIDTH);
        String key = Hashes.sha256((data.contentHash() + "\n" + json(recipe)).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        Path modelFile = folder.resolve(example.name() + "-cloud-" + key + ".model.json");
        Path answersFile = folder.resolve(example.name() + "-cloud-" + key + ".answers.json");
        if (Files.isRegularFile(answersFile) && Files.isRegularFile(modelFile)) {
            return read(answersFile);
        }
        TrainedModel trained = recipe.train(data.dataset().train(), data.dataset().validation());
        Split test = data.dataset().test();
        List<float[]> heldOut = new ArrayList<>(test.size());
        for (float[] x : test.inputs()) {
            heldOut.add(trained.network().predict(x));
        }
        StoredModel stored = StoredModel.write(modelFile, manifest(example, data, recipe, trained));
        String description = example.name() + "'s recipe " + WIDTH + " times as wide, float32, trained on data " + data.version()
                + " from seed " + seed + ": " + trained.summary() + " (sha256 " + stored.sha256().substring(0, 12) + ")";
        ReportWriter.writeJson(new Answers(description, modelFile.toString(), heldOut, false), answersFile);
        return new Answers(description, modelFile.toString(), heldOut, true);
    }

    private static Map<String, Object> manifest(Example example, StoredDataset data, ModelRecipe recipe, TrainedModel trained) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("example", example.name());
        manifest.put("role", "cloud model of the cascade, float32");
        // ordered maps: the same data, recipe and seed store the same bytes
        Map<String, Object> dataEntry = new LinkedHashMap<>();
        dataEntry.put("name", data.dataset().name());
        dataEntry.put("version", data.version());
        dataEntry.put("content_sha256", data.contentHash());
        manifest.put("data", dataEntry);
        Map<String, Object> recipeEntry = new LinkedHashMap<>();
        recipeEntry.put("kind", recipe.getClass().getSimpleName());
        recipeEntry.put("config", recipe);
        manifest.put("recipe", recipeEntry);
        manifest.put("seed", recipe.seed());
        Map<String, Object> metrics = new LinkedHashMap<>(trained.validationMetrics());
        metrics.put("loss_per_epoch", trained.lossPerEpoch());
        manifest.put("metrics", metrics);
        manifest.put("network", trained.network());
        return manifest;
    }

    private static String json(ModelRecipe recipe) {
        try {
            return ReportWriter.JSON.writeValueAsString(recipe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recipe that is not JSON: " + e.getMessage(), e);
        }
    }

    private static Answers read(Path file) {
        try {
            return ReportWriter.JSON.readValue(file.toFile(), Answers.class);
        } catch (IOException e) {
            throw new TinymlException("cannot read the cloud model's answers " + file + ": " + IoFailure.reason(e), e);
        }
    }
}
