package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures in the common formats become the model's grayscale input, cropped to its aspect ratio; broken ones are named. */
class GrayImagesTest {

    @TempDir
    Path dir;

    @Test
    void aColourBmpIsMadeLumaCroppedAboutItsCentreAndAveraged() throws Exception {
        BufferedImage picture = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                picture.setRGB(x, y, x < 2 || x >= 6 ? 0xff0000 : 0x00ff00);
            }
        }
        Path file = dir.resolve("wide.bmp");
        ImageIO.write(picture, "bmp", file.toFile());

        GrayImages.GrayImage image = GrayImages.read(file, 2, 2, false);

        assertThat(image.conversion()).isEqualTo("BMP 8x4 colour, to grayscale, centre-cropped to 4x4, scaled to 2x2");
        // the red margins are cropped away: only green is left, luma 0.587 * 255 = 150
        assertThat(image.pixels()).containsOnly((float) (150 / 255.0));
    }

    @Test
    void binaryAndTextPgmAreRead() throws Exception {
        Path binary = dir.resolve("p5.pgm");
        Files.write(binary, concat("P5\n# made by hand\n2 2\n255\n".getBytes(), new byte[] {0, (byte) 255, (byte) 128, 64}));
        Path text = Files.writeString(dir.resolve("p2.pgm"), "P2 2 1 15\n15 0\n");

        assertThat(GrayImages.read(binary, 2, 2, false).pixels()).containsExactly(0f, 1f, (float) (128 / 255.0), (float) (64 / 255.0));
        assertThat(GrayImages.read(binary, 2, 2, false).conversion()).isEqualTo("PGM 2x2 gray, already 2x2");
        assertThat(GrayImages.read(text, 1, 2, false).pixels()).containsExactly(1f, 0f);
    }

    @Test
    void filesThatAreNoPictureAreRefusedNamingTheFile() throws Exception {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        Path text = Files.writeString(dir.resolve("photo.png"), "not a picture");
        Path badPgm = Files.writeString(dir.resolve("bad.pgm"), "P5 x y");

        assertThatThrownBy(() -> GrayImages.read(empty, 4, 4, false)).isInstanceOf(TinymlException.class).hasMessage(empty + " is empty (0 bytes)");
        assertThatThrownBy(() -> GrayImages.read(text, 4, 4, false)).hasMessage(text + " is not an image that can be decoded (PNG, JPEG, BMP, GIF or PGM)");
        assertThatThrownBy(() -> GrayImages.read(badPgm, 4, 4, false)).hasMessageStartingWith(badPgm + ": not a PGM image");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
