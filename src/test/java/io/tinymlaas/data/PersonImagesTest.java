package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.core.TinymlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonImagesTest {

    @TempDir
    Path dir;

    /** Crops of one flat grey each, levels 1..100 for faces and 101..200 for non-faces: a plain view names its crop. */
    private static LfwSubset.Images flatCrops() {
        List<float[]> faces = new ArrayList<>();
        List<float[]> nonFaces = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            faces.add(flat((i + 1) / 255f));
            nonFaces.add(flat((i + 101) / 255f));
        }
        return new LfwSubset.Images(faces, nonFaces, Path.of("flat.npy"), "0".repeat(64));
    }

    /** Black scenes for training and validation, white ones for the test. */
    private static ScenePhotos.Scenes flatScenes() {
        return new ScenePhotos.Scenes(List.of(scene(0f)), List.of(scene(1f)), new Provenance("flat scenes", "none"));
    }

    private static ScenePhotos.Scene scene(float level) {
        float[] pixels = new float[ScenePhotos.WIDTH * ScenePhotos.HEIGHT];
        java.util.Arrays.fill(pixels, level);
        return new ScenePhotos.Scene(pixels, ScenePhotos.HEIGHT, ScenePhotos.WIDTH, "flat");
    }

    private static float[] flat(float level) {
        float[] image = new float[25 * 25];
        java.util.Arrays.fill(image, level);
        return image;
    }

    @Test
    void noSourceCropIsInTwoSplitsAndEveryClassIsBalanced() {
        Dataset data = PersonImages.generate(flatCrops(), flatScenes(), new PersonImages.Sizes(30, 10, 1, 1, 1), 5);
        Set<Integer> test = crops(data.test());
        Set<Integer> validation = crops(data.validation());
        Set<Integer> train = crops(data.train());
        assertThat(test).hasSize(60);
        assertThat(validation).hasSize(20);
        assertThat(train).hasSize(120);
        assertThat(test).doesNotContainAnyElementsOf(train).doesNotContainAnyElementsOf(validation);
        assertThat(validation).doesNotContainAnyElementsOf(train);
        for (Split split : List.of(data.train(), data.validation(), data.test())) {
            for (int i = 0; i < split.size(); i++) {
                int crop = Math.round(split.inputs()[i][0] * 255);
                assertThat(PersonClass.of(split.targets()[i])).isEqualTo(crop <= 100 ? PersonClass.PERSON : PersonClass.NO_PERSON);
            }
        }
    }

    @Test
    void eachCropGivesItsViewsAt96x96AndTheSameSeedTheSameData() {
        PersonImages.Sizes sizes = new PersonImages.Sizes(30, 10, 3, 2, 4);
        Dataset a = PersonImages.generate(flatCrops(), flatScenes(), sizes, 5);
        assertThat(a.train().size()).isEqualTo(60 * 2 * 3);
        assertThat(a.validation().size()).isEqualTo(10 * 2 * 2);
        assertThat(a.test().size()).isEqualTo(30 * 2 * 4);
        assertThat(a.test().inputs()[0]).hasSize(96 * 96);
        assertThat(a.labels().classes()).containsExactly("person", "no_person");
        Dataset b = PersonImages.generate(flatCrops(), flatScenes(), sizes, 5);
        assertThat(new DatasetStore(dir).save(a).contentHash()).isEqualTo(new DatasetStore(dir).save(b).contentHash())
                .isNotEqualTo(new DatasetStore(dir).save(PersonImages.generate(flatCrops(), flatScenes(), sizes, 6)).contentHash());
    }

    @Test
    @SuppressWarnings("unchecked")
    void imagesAreStoredAsUint8NpyWithClassNamesAndTheManifestNamesSourceAndLicence() throws Exception {
        Dataset data = PersonImages.generate(flatCrops(), flatScenes(), new PersonImages.Sizes(30, 10, 1, 1, 2), 5);
        StoredDataset stored = new DatasetStore(dir).save(data);
        Npy.Array test = Npy.read(Files.readAllBytes(stored.directory().resolve("test.images.npy")), "test.images.npy");
        assertThat(test.shape()).containsExactly(120, 96, 96);
        assertThat(test.values()[0] / 255).isEqualTo(data.test().inputs()[0][0], org.assertj.core.api.Assertions.within(1e-7));
        List<String> labels = Files.readAllLines(stored.directory().resolve("labels.csv"));
        assertThat(labels.get(0)).isEqualTo("sample,label");
        assertThat(labels).contains("test/0,person", "test/1,no_person", "test/2,person", "test/3,no_person");
        Map<String, Object> manifest = new ObjectMapper().readValue(stored.directory().resolve("manifest.json").toFile(), Map.class);
        assertThat((String) manifest.get("source")).contains("lfw_subset", "flat.npy");
        assertThat((String) manifest.get("licence")).contains("BSD-3-Clause");
        assertThat((List<String>) manifest.get("classes")).containsExactly("person", "no_person");
        assertThat(stored.directory().resolve("train.csv")).doesNotExist();
        StoredDataset loaded = new DatasetStore(dir).load(stored.dataset().name(), stored.version());
        assertThat(loaded.dataset().test().inputs()).isDeepEqualTo(data.test().inputs());
        assertThat(loaded.dataset().test().targets()).isDeepEqualTo(data.test().targets());
    }

    @Test
    void anImageDataSetWhoseValuesAreNotEightBitLevelsIsRefused() {
        Dataset data = PersonImages.generate(flatCrops(), flatScenes(), new PersonImages.Sizes(30, 10, 1, 1, 1), 5);
        data.train().inputs()[3][7] = 0.123456f;
        assertThatThrownBy(() -> new DatasetStore(dir).save(data)).isInstanceOf(TinymlException.class)
                .hasMessageContaining("person_detection train/3 pixel 7");
    }

    @Test
    void framedViewsOfTheTestAreInTheTestScenesOnlyAndTheOthersInTheTrainingScenes() {
        Dataset data = PersonImages.generate(flatCrops(), flatScenes(), new PersonImages.Sizes(30, 10, 4, 4, 4), 5);
        // no_person views 1 and 3 of each crop are the scene alone (or noise, one in ten): bright in the test, dark elsewhere
        assertThat(brightSceneViews(data.test(), 4)).isGreaterThan(0.8);
        assertThat(brightSceneViews(data.train(), 4)).isLessThan(0.2);
        assertThat(brightSceneViews(data.validation(), 4)).isLessThan(0.2);
    }

    private static double brightSceneViews(Split split, int views) {
        int bright = 0;
        int all = 0;
        for (int i = 1; i < split.size(); i += 2) {
            if ((i / 2) % views % 2 == 1) {
                double mean = 0;
                for (float p : split.inputs()[i]) {
                    mean += p;
                }
                bright += mean / split.inputs()[i].length > 0.5 ? 1 : 0;
                all++;
            }
        }
        return bright / (double) all;
    }

    private static Set<Integer> crops(Split split) {
        Set<Integer> crops = new HashSet<>();
        for (float[] image : split.inputs()) {
            crops.add(Math.round(image[0] * 255));
        }
        return crops;
    }
}
