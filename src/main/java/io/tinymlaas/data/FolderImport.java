package io.tinymlaas.data;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.KeywordClips;
import io.tinymlaas.data.audio.Recording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A user's own recordings or pictures made into a data set: one sub-folder per class (hidden files passed over), or a
 * CSV of {@code file,label} lines with paths relative to it. Every file is converted as the model's example does it
 * (WAV: {@link KeywordClips} then the audio front end; pictures: {@link GrayImages}); any file that cannot be is named
 * with its reason and nothing is made, so a data set is never half imported. Files, not clips, are split: the clips of
 * one long recording stay in one split. Per class, after a seeded shuffle, 15 % of the files (at least one) go to test,
 * as many to validation, the rest to training.
 */
public final class FolderImport {

    /** What the example's model takes: micro_speech's 1-s clips, or grayscale pictures of a size. */
    public sealed interface Kind permits Audio, Pictures {
    }

    /** One-second clips through the audio front end; {@code fit} says what happens to longer recordings. */
    public record Audio(KeywordClips.Fit fit) implements Kind {
    }

    /** Grayscale pictures at the model's size; {@code lightOnDark} as {@link GrayImages#read}. */
    public record Pictures(int height, int width, boolean lightOnDark) implements Kind {
    }

    /** The data set and, per file, its class, split and what was done to it. */
    public record Imported(Dataset dataset, List<String> files, Map<String, Integer> filesPerClass) {
    }

    private static final double HELD_OUT_SHARE = 0.15;
    private static final int FEWEST_FILES = 3;
    private static final long SEED = 2026;

    private record Entry(Path file, String label) {
    }

    private record Converted(Entry entry, List<float[]> samples, String conversion) {
    }

    private FolderImport() {
    }

    /** {@code from}: a folder with a sub-folder per class, or a CSV file of file,label lines. */
    public static Imported read(String name, Path from, Kind kind, Provenance provenance) {
        List<Entry> entries = Files.isDirectory(from) ? folders(from) : csv(from);
        List<String> classes = entries.stream().map(Entry::label).distinct().sorted().toList();
        if (classes.size() < 2) {
            throw new TinymlException(from + " holds " + (classes.isEmpty() ? "no class" : "one class ('" + classes.get(0) + "')")
                    + "; a classifier needs at least two, one sub-folder (or CSV label) each");
        }
        List<Converted> converted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Entry entry : entries) {
            try {
                converted.add(convert(entry, kind));
            } catch (TinymlException e) {
                refused.add(e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new TinymlException("nothing imported: " + refused.size() + " of " + entries.size() + " files refused:\n  "
                    + String.join("\n  ", refused));
        }
        Map<String, List<Converted>> byClass = new TreeMap<>();
        converted.forEach(c -> byClass.computeIfAbsent(c.entry().label(), k -> new ArrayList<>()).add(c));
        byClass.forEach((label, files) -> {
            if (files.size() < FEWEST_FILES) {
                throw new TinymlException("nothing imported: class '" + label + "' has " + files.size() + " file(s); each class needs "
                        + "at least " + FEWEST_FILES + ", one each for training, validation and test");
            }
        });
        return split(name, from, kind, provenance, Labels.classes(classes), byClass);
    }

    private static Imported split(String name, Path from, Kind kind, Provenance provenance, Labels labels,
                                  Map<String, List<Converted>> byClass) {
        Map<String, List<float[]>> inputs = new LinkedHashMap<>();
        Map<String, List<float[]>> targets = new LinkedHashMap<>();
        Dataset.SPLITS.forEach(split -> {
            inputs.put(split, new ArrayList<>());
            targets.put(split, new ArrayList<>());
        });
        List<String> files = new ArrayList<>();
        Map<String, Integer> filesPerClass = new LinkedHashMap<>();
        Random random = new Random(SEED);
        for (Map.Entry<String, List<Converted>> entry : byClass.entrySet()) {
            List<Converted> shuffled = new ArrayList<>(entry.getValue());
            shuffled.sort(Comparator.comparing(c -> c.entry().file().toString()));
            Collections.shuffle(shuffled, random);
            int heldOut = Math.max(1, (int) Math.round(shuffled.size() * HELD_OUT_SHARE));
            float[] target = labels.targetOf(entry.getKey(), name);
            filesPerClass.put(entry.getKey(), shuffled.size());
            for (int i = 0; i < shuffled.size(); i++) {
                String split = i < heldOut ? "test" : i < 2 * heldOut ? "validation" : "train";
                Converted file = shuffled.get(i);
                for (float[] sample : file.samples()) {
                    inputs.get(split).add(sample);
                    targets.get(split).add(target);
                }
                files.add(from.relativize(file.entry().file()) + " (" + entry.getKey() + ", " + split + "): " + file.conversion());
            }
        }
        String recipe = String.format(Locale.ROOT, "imported from %s: %d files of %d classes (%s), %s; files split per class "
                        + "(seed %d): %.0f%% test, %.0f%% validation, the rest training; per file: %s", from, files.size(),
                byClass.size(), filesPerClass, describe(kind), SEED, HELD_OUT_SHARE * 100, HELD_OUT_SHARE * 100, String.join("; ", files));
        Dataset.ImageShape image = kind instanceof Pictures p ? new Dataset.ImageShape(p.height(), p.width()) : null;
        return new Imported(new Dataset(name, recipe, provenance, labels, split(inputs, targets, "train"),
                split(inputs, targets, "validation"), split(inputs, targets, "test"), image), files, filesPerClass);
    }

    private static Split split(Map<String, List<float[]>> inputs, Map<String, List<float[]>> targets, String split) {
        return new Split(inputs.get(split).toArray(float[][]::new), targets.get(split).toArray(float[][]::new));
    }

    private static String describe(Kind kind) {
        if (kind instanceof Audio a) {
            return "WAV to 16 kHz mono 1-s clips (" + (a.fit() == KeywordClips.Fit.SPLIT
                    ? "longer recordings split into consecutive seconds" : "longer recordings cut to their loudest second")
                    + ", shorter ones padded) through the audio front end, 49x40 features";
        }
        Pictures p = (Pictures) kind;
        return "pictures to " + p.width() + "x" + p.height() + " 8-bit grayscale (centre-cropped to the aspect ratio, "
                + "area-averaged" + (p.lightOnDark() ? ", light pictures inverted" : "") + "), pixels p/255";
    }

    private static Converted convert(Entry entry, Kind kind) {
        String name = entry.file().getFileName().toString().toLowerCase(Locale.ROOT);
        if (kind instanceof Audio audio) {
            if (!name.endsWith(".wav") && !name.endsWith(".wave")) {
                throw new TinymlException(entry.file() + ": not a .wav file; micro_speech imports WAV recordings");
            }
            KeywordClips.Clips clips = KeywordClips.of(Recording.read(entry.file()), audio.fit());
            FrontEnd frontEnd = new FrontEnd();
            List<float[]> samples = clips.clips().stream().map(clip -> FrontEnd.toModelInput(frontEnd.features(clip))).toList();
            return new Converted(entry, samples, clips.conversion());
        }
        Pictures pictures = (Pictures) kind;
        GrayImages.GrayImage image = GrayImages.read(entry.file(), pictures.height(), pictures.width(), pictures.lightOnDark());
        return new Converted(entry, List.of(image.pixels()), image.conversion());
    }

    /** One sub-folder per class; the files in it (at any depth, hidden ones passed over) are its samples. */
    private static List<Entry> folders(Path folder) {
        List<Entry> entries = new ArrayList<>();
        for (Path sub : list(folder)) {
            if (Files.isDirectory(sub)) {
                String label = checkedLabel(sub.getFileName().toString(), sub.toString());
                try (Stream<Path> files = Files.walk(sub)) {
                    files.filter(Files::isRegularFile).filter(f -> !hidden(sub, f)).sorted()
                            .forEach(file -> entries.add(new Entry(file, label)));
                } catch (IOException e) {
                    throw new TinymlException("cannot list " + sub + ": " + IoFailure.reason(e), e);
                }
            }
        }
        return entries;
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Lines of file,label (a header line "file,label" passed over), files relative to the CSV's folder. */
    private static List<Entry> csv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TinymlException(file + ": no such folder or CSV file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + " as UTF-8 text: " + IoFailure.reason(e), e);
        }
        Path base = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            List<String> fields = CsvFields.split(lines.get(i));
            if (lines.get(i).isBlank() || i == 0 && fields != null && fields.equals(List.of("file", "label"))) {
                continue;
            }
            if (fields == null || fields.size() != 2 || fields.get(0).isEmpty()) {
                throw new TinymlException(file + ":" + (i + 1) + ": '" + lines.get(i) + "' is not <file>,<label> (a field with a "
                        + "comma or quote goes in double quotes)");
            }
            entries.add(new Entry(base.resolve(fields.get(0)), checkedLabel(fields.get(1), file + ":" + (i + 1))));
        }
        return entries;
    }

    /** Class names go into labels.csv and one a line into the model's labels file: no line breaks, tabs, or nothing. */
    private static String checkedLabel(String label, String where) {
        if (label.isBlank() || label.chars().anyMatch(Character::isISOControl)) {
            throw new TinymlException(where + ": the class name '" + label.replaceAll("\\p{Cntrl}", "?") + "' is "
                    + (label.isBlank() ? "empty" : "not one line of text (it holds a line break, tab or other control character)"));
        }
        return label.strip();
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list " + folder + ": " + IoFailure.reason(e), e);
        }
    }
}
