package io.tinymlaas.data;

import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real photographs of scenes without people, the backgrounds and the "no_person" pictures of person_detection. Training
 * and validation see only Debian's desktop wallpapers and GIMP's photographed surfaces; the test sees only scikit-image's sample photos, so the test
 * accuracy measures scenes from a photo source the model never saw. Each photo is read once as 8-bit grayscale, centre
 * cropped to 4:3 at {@value #WIDTH} × {@value #HEIGHT}: enough pixels for windows of many sizes, few enough to keep in memory.
 */
public final class ScenePhotos {

    static final int WIDTH = 256;
    static final int HEIGHT = 192;

    private static final String PLASMA = "/usr/share/wallpapers/";
    private static final String MATE = "/usr/share/backgrounds/mate/nature/";
    private static final String LOMIRI = "/usr/share/backgrounds/";
    private static final String SKIMAGE = "/usr/lib/python3/dist-packages/skimage/data/";

    /** The wallpapers that are photographs with no one in them (the others are drawings or abstract art). */
    static final List<String> WALLPAPERS = List.of(
            PLASMA + "BytheWater/contents/images/640x480.jpg", PLASMA + "ColdRipple/contents/images/640x480.jpg",
            PLASMA + "ColorfulCups/contents/images/2560x1600.jpg", PLASMA + "DarkestHour/contents/images/640x480.jpg",
            PLASMA + "EveningGlow/contents/images/640x480.jpg", PLASMA + "FallenLeaf/contents/images/640x480.jpg",
            PLASMA + "Grey/contents/images/640x480.jpg", PLASMA + "Kite/contents/images/640x480.jpg",
            PLASMA + "OneStandsOut/contents/images/640x480.jpg", PLASMA + "Path/contents/images/640x480.jpg",
            PLASMA + "summer_1am/contents/images/640x480.jpg",
            MATE + "Aqua.jpg", MATE + "Blinds.jpg", MATE + "Dune.jpg", MATE + "FreshFlower.jpg", MATE + "Garden.jpg",
            MATE + "GreenMeadow.jpg", MATE + "LadyBird.jpg", MATE + "RainDrops.jpg", MATE + "Storm.jpg", MATE + "TwoWings.jpg",
            MATE + "Wood.jpg", MATE + "YellowFlower.jpg",
            LOMIRI + "Bridge_by_Sander_Klootwijk.jpg", LOMIRI + "Dragonfly_by_Bolly.jpg", LOMIRI + "Picture_0B_by_freespace.jpg",
            LOMIRI + "Picture_1A_by_freespace.jpg", LOMIRI + "Wine_by_Jakkub_Mede.jpg",
            LOMIRI + "aitzgorri_by_Aitzol_Berasategi.jpg", LOMIRI + "analogpattern_by_Peter_Nerlich.jpg",
            LOMIRI + "free_by_Peter_Nerlich.jpg", LOMIRI + "friends_by_Aitzol_Berasategi.jpg",
            LOMIRI + "greentock_by_Peter_Nerlich.jpg", LOMIRI + "life_by_Aitzol_Berasategi.jpg",
            LOMIRI + "picosdeeuropa_by_Aitzol_Berasategi.jpg", LOMIRI + "seeding_by_Clements_Engelhardt.jpg",
            LOMIRI + "sunset_by_Aitzol_Berasategi.jpg");

    /** scikit-image's sample photos with no one in them (astronaut.png and camera.png show people and stay out). */
    static final List<String> SAMPLE_PHOTOS = List.of(
            SKIMAGE + "brick.png", SKIMAGE + "grass.png", SKIMAGE + "gravel.png", SKIMAGE + "coffee.png",
            SKIMAGE + "chelsea.png", SKIMAGE + "rocket.jpg", SKIMAGE + "motorcycle_left.png", SKIMAGE + "hubble_deep_field.jpg",
            SKIMAGE + "moon.png", SKIMAGE + "coins.png", SKIMAGE + "clock_motion.png", SKIMAGE + "page.png",
            SKIMAGE + "text.png", SKIMAGE + "retina.jpg");

    /** GIMP's patterns are photographed surfaces (stone, wood, bark, paper, leather, water, sky), except its Legacy ones. */
    static final Path PATTERNS = Path.of("/usr/share/gimp/2.0/patterns");

    static final String INSTALL = "apt-get install plasma-workspace-wallpapers mate-backgrounds lomiri-wallpapers-16.04 gimp-data python3-skimage";

    /** One photo: gray levels / 255, row-major, {@code height × width}, and the file it came from. */
    public record Scene(float[] pixels, int height, int width, String file) {
    }

    /** The photos training and validation use, and the ones only the test uses. */
    public record Scenes(List<Scene> train, List<Scene> test, Provenance provenance) {
    }

    /** Decoding the wallpapers (some of tens of megapixels) takes seconds, so a process does it once. */
    private static Scenes loaded;

    private ScenePhotos() {
    }

    public static synchronized Scenes load() {
        if (loaded == null) {
            loaded = load(WALLPAPERS, PATTERNS, SAMPLE_PHOTOS);
        }
        return loaded;
    }

    static Scenes load(List<String> wallpapers, Path patternFolder, List<String> samplePhotos) {
        List<Scene> train = new ArrayList<>(read(wallpapers));
        List<Path> patterns = patterns(patternFolder);
        patterns.forEach(file -> train.add(new Scene(GimpPattern.tiled(file, WIDTH, HEIGHT), HEIGHT, WIDTH, file.toString())));
        return new Scenes(train, read(samplePhotos), new Provenance(
                "scene photos without people: " + wallpapers.size() + " desktop wallpapers of Debian's plasma-workspace-wallpapers, "
                        + "mate-backgrounds and lomiri-wallpapers-16.04 and " + patterns.size() + " of gimp-data's surface patterns, "
                        + "tiled (training and validation), " + samplePhotos.size()
                        + " of scikit-image's sample photos (test only)",
                "plasma-workspace-wallpapers and mate-backgrounds: GPL-2+; lomiri-wallpapers-16.04: CC-BY-4.0 and "
                        + "CC-BY-SA-4.0, per photo; gimp-data: as its debian/copyright gives for Files: * (GPL-3+ and others); "
                        + "scikit-image's photos: "
                        + "BSD-3-Clause as packaged by Debian (python3-skimage debian/copyright)"));
    }

    private static List<Path> patterns(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new TinymlException("the person_detection surface patterns " + folder + " are missing: " + INSTALL
                    + " (bin/setup installs them)");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".pat") && !file.getParent().endsWith("Legacy")).sorted().toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Scene> read(List<String> files) {
        return files.stream().map(Path::of).map(ScenePhotos::read).toList();
    }

    private static Scene read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TinymlException("the person_detection scene photo " + file + " is missing: " + INSTALL
                    + " (bin/setup installs them)");
        }
        GrayImages.GrayImage image = GrayImages.read(file, HEIGHT, WIDTH, false);
        return new Scene(image.pixels(), HEIGHT, WIDTH, file.toString());
    }
}
