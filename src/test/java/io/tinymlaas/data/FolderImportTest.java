package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.FolderImport.Audio;
import io.tinymlaas.data.FolderImport.Pictures;
import io.tinymlaas.data.audio.KeywordClips;
import io.tinymlaas.data.audio.TestWavs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's folder of recordings or pictures becomes a data set version, or nothing at all, each refusal named. */
class FolderImportTest {

    private static final Provenance MINE = new Provenance("recorded by me on my phone", "CC0-1.0");
    private static final Audio LOUDEST = new Audio(KeywordClips.Fit.LOUDEST);

    @TempDir
    Path dir;

    private Path wavs(String label, int count, int rate, int channels, int bits) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("audio").resolve(label));
        for (int i = 0; i < count; i++) {
            TestWavs.tone(folder.resolve("take " + i + ".wav"), rate, channels, bits, 0.7, 300 + 200 * i + label.length() * 50);
        }
        return folder.getParent();
    }

    @Test
    void aFolderPerClassOfWavsOfAnyLayoutBecomesOneSecondFeatureSamplesSplitByFile() throws Exception {
        wavs("yes", 4, 44_100, 2, 16);
        Path folder = wavs("nö", 3, 8_000, 1, 8);
        Files.writeString(folder.resolve("yes").resolve(".DS_Store"), "finder junk");

        FolderImport.Imported imported = FolderImport.read("micro_speech", folder, LOUDEST, MINE);

        Dataset data = imported.dataset();
        assertThat(data.labels().classes()).containsExactly("nö", "yes");
        assertThat(imported.filesPerClass()).containsEntry("yes", 4).containsEntry("nö", 3);
        assertThat(data.train().size() + data.validation().size() + data.test().size()).isEqualTo(7);
        assertThat(data.test().size()).isEqualTo(2);
        assertThat(data.validation().size()).isEqualTo(2);
        assertThat(data.train().inputs()[0]).hasSize(49 * 40);
        assertThat(data.provenance()).isEqualTo(MINE);
        assertThat(imported.files()).anySatisfy(line -> assertThat(line).startsWith("yes/take 0.wav (yes, ")
                .contains("44100 Hz, 2 channels, 16-bit PCM, 0.70 s: mixed 2 channels to mono, resampled 44100 Hz to 16000 Hz, padded"));
        assertThat(data.recipe()).contains("nö/take 2.wav (nö, ").contains("8-bit PCM").contains("cut to their loudest second");
    }

    @Test
    void withSplitLongARecordingGivesAClipPerSecondAllInOneSplit() throws Exception {
        Path folder = wavs("noise", 3, 16_000, 1, 16);
        wavs("hum", 2, 16_000, 1, 16);
        TestWavs.tone(folder.resolve("hum").resolve("long.wav"), 16_000, 1, 16, 3.6, 50);

        FolderImport.Imported imported = FolderImport.read("micro_speech", folder, new Audio(KeywordClips.Fit.SPLIT), MINE);

        assertThat(imported.files()).anySatisfy(line -> assertThat(line).startsWith("hum/long.wav")
                .endsWith("split into 4 clip(s) of 1 s, the last 0.60 s padded"));
        Dataset data = imported.dataset();
        assertThat(data.train().size() + data.validation().size() + data.test().size()).isEqualTo(6 + 4 - 1);
    }

    @Test
    void picturesBecomeGrayscaleImagesOfTheModelsSizeStoredAndLoadedBack() throws Exception {
        for (String label : List.of("cat", "dog")) {
            Path folder = Files.createDirectories(dir.resolve("pictures").resolve(label));
            for (int i = 0; i < 3; i++) {
                BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
                picture.setRGB(i, i, label.equals("cat") ? 0xffffff : 0x808080);
                ImageIO.write(picture, i == 0 ? "png" : "bmp", folder.resolve(label + i + (i == 0 ? ".png" : ".bmp")).toFile());
            }
        }

        Dataset data = FolderImport.read("person_detection", dir.resolve("pictures"), new Pictures(12, 12, false), MINE).dataset();
        StoredDataset stored = new DatasetStore(dir.resolve("store")).save(data);

        assertThat(stored.manifest().image()).isEqualTo(new Dataset.ImageShape(12, 12));
        StoredDataset loaded = new DatasetStore(dir.resolve("store")).load("person_detection", stored.version());
        assertThat(loaded.dataset().train().inputs()[0]).containsExactly(data.train().inputs()[0]);
        assertThat(data.recipe()).contains("cat/cat0.png (cat, ").contains("PNG 40x30 gray").contains("centre-cropped to 30x30");
    }

    @Test
    void aCsvOfFileAndLabelTakesLabelsWithCommasAndQuotesAndStoresThemSafely() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("clips"));
        StringBuilder csv = new StringBuilder("file,label\n");
        for (int i = 0; i < 3; i++) {
            TestWavs.tone(audio.resolve("ja " + i + ".wav"), 16_000, 1, 16, 0.5, 400 + 100 * i);
            TestWavs.tone(audio.resolve("nej " + i + ".wav"), 16_000, 1, 16, 0.5, 1200 + 100 * i);
            csv.append("clips/ja ").append(i).append(".wav,\"yes, \"\"ja\"\"\"\n");
            csv.append("\"clips/nej ").append(i).append(".wav\",no\n");
        }
        Path labels = Files.writeString(dir.resolve("labels.csv"), csv);

        Dataset data = FolderImport.read("micro_speech", labels, LOUDEST, MINE).dataset();
        DatasetStore store = new DatasetStore(dir.resolve("store"));
        StoredDataset stored = store.save(data);

        assertThat(data.labels().classes()).containsExactly("no", "yes, \"ja\"");
        assertThat(Files.readString(stored.directory().resolve("labels.csv"))).contains(",\"yes, \"\"ja\"\"\"\n");
        assertThat(store.load("micro_speech", stored.version()).dataset().labels().classes()).containsExactly("no", "yes, \"ja\"");
    }

    @Test
    void oneBadFileRefusesTheWholeImportNamingEachBadFileWithItsReason() throws Exception {
        Path folder = wavs("yes", 3, 16_000, 1, 16);
        wavs("no", 3, 16_000, 1, 16);
        Files.writeString(folder.resolve("no").resolve("notes.wav"), "not audio");
        Files.write(folder.resolve("yes").resolve("empty.wav"), new byte[0]);
        Files.writeString(folder.resolve("yes").resolve("readme.txt"), "my recordings");

        assertThatThrownBy(() -> FolderImport.read("micro_speech", folder, LOUDEST, MINE))
                .isInstanceOf(TinymlException.class)
                .hasMessageStartingWith("nothing imported: 3 of 9 files refused:")
                .hasMessageContaining("notes.wav is not a WAV file (no RIFF/WAVE header)")
                .hasMessageContaining("empty.wav is empty (0 bytes)")
                .hasMessageContaining("readme.txt: not a .wav file; micro_speech imports WAV recordings");
    }

    @Test
    void oneClassTooFewFilesAndALabelWithALineBreakAreRefused() throws Exception {
        Path one = wavs("yes", 3, 16_000, 1, 16);
        assertThatThrownBy(() -> FolderImport.read("micro_speech", one, LOUDEST, MINE))
                .hasMessage(one + " holds one class ('yes'); a classifier needs at least two, one sub-folder (or CSV label) each");

        wavs("no", 2, 16_000, 1, 16);
        assertThatThrownBy(() -> FolderImport.read("micro_speech", one, LOUDEST, MINE))
                .hasMessage("nothing imported: class 'no' has 2 file(s); each class needs at least 3, one each for training, "
                        + "validation and test");

        Files.createDirectories(one.resolve("ye\ns"));
        assertThatThrownBy(() -> FolderImport.read("micro_speech", one, LOUDEST, MINE))
                .hasMessageEndingWith("the class name 'ye?s' is not one line of text (it holds a line break, tab or other control character)");
    }
}
