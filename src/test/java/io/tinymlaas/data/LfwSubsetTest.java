package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LfwSubsetTest {

    @TempDir
    Path dir;

    @Test
    void debiansSkimageFileHolds100FacesThen100NonFacesOf25x25PixelsInZeroToOne() {
        LfwSubset.Images images = LfwSubset.load();
        assertThat(images.faces()).hasSize(100).allSatisfy(face -> assertThat(face).hasSize(25 * 25));
        assertThat(images.nonFaces()).hasSize(100);
        assertThat(images.sha256()).matches("[0-9a-f]{64}");
        double faceContrast = 0;
        double backgroundContrast = 0;
        for (int i = 0; i < 100; i++) {
            faceContrast += spread(images.faces().get(i));
            backgroundContrast += spread(images.nonFaces().get(i));
            for (float pixel : images.faces().get(i)) {
                assertThat(pixel).isBetween(0f, 1f);
            }
        }
        // faces (eyes, mouth, hair against skin) vary more within the crop than the blurry backgrounds do
        assertThat(faceContrast).isGreaterThan(backgroundContrast);
    }

    @Test
    void aMissingFileIsReportedWithTheAptCommandThatInstallsIt() {
        assertThatThrownBy(() -> LfwSubset.load(dir.resolve("lfw_subset.npy")))
                .isInstanceOf(TinymlException.class)
                .hasMessageContaining(dir.resolve("lfw_subset.npy").toString())
                .hasMessageContaining("apt-get install python3-skimage");
    }

    @Test
    void aFileOfTheWrongShapeIsRefusedWithTheShapeFound() throws Exception {
        Path file = dir.resolve("other.npy");
        java.nio.file.Files.write(file, Npy.writeUint8(new int[] {2, 5, 5}, new byte[50]));
        assertThatThrownBy(() -> LfwSubset.load(file)).isInstanceOf(TinymlException.class)
                .hasMessageContaining("expected 200 images of 25x25, found shape [2, 5, 5]");
    }

    private static double spread(float[] image) {
        double mean = 0;
        for (float p : image) {
            mean += p;
        }
        mean /= image.length;
        double variance = 0;
        for (float p : image) {
            variance += (p - mean) * (p - mean);
        }
        return Math.sqrt(variance / image.length);
    }
}
