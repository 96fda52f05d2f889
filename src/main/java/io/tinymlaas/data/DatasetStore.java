package io.tinymlaas.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.Lookup;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetManifest.Parent;
import io.tinymlaas.data.DatasetManifest.Relabelling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Stores data sets as versioned folders {@code <root>/<name>/<version>/}: one CSV per split (inputs, then targets),
 * for a classifier labels.csv (the class name of every sample), and manifest.json ({@link DatasetManifest}).
 * The version is the start of the hash of the content, so the same data always lands in the same folder, and a
 * relabelled sample makes a new version next to the old one, which is never rewritten.
 */
public final class DatasetStore {

    public static final int VERSION_LENGTH = 12;
    static final String MANIFEST = "manifest.json";
    static final String LABELS = "labels.csv";
    private static final String LABELS_HEADER = "sample,label";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;

    public DatasetStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Stores a data set as collected (no parent); storing the same content again returns the existing version. */
    public StoredDataset save(Dataset dataset) {
        return save(dataset, null, List.of());
    }

    /** One sample's new class in a relabelling: {@code sample} is "split/index", e.g. "train/17". */
    public record LabelChange(String sample, String label) {
    }

    /**
     * Gives one sample of a stored version a new class and stores the result as a new version whose manifest names
     * its parent and logs the change; the version relabelled stays as it was. Should the result equal a version
     * already stored (a change undone), that version is returned as it is.
     *
     * @param sample "split/index", e.g. "train/17"
     * @param note   who asks for the change and why, kept in the relabel log
     */
    public StoredDataset relabel(String name, String version, String sample, String newLabel, String note) {
        StoredDataset base = load(name, version);
        LabelChange change = new LabelChange(sample, newLabel);
        if (currentLabel(base, change).equals(newLabel)) {
            throw new TinymlException(SampleId.parse(sample) + " of " + where(base) + " is already labelled '" + newLabel
                    + "'; nothing to change");
        }
        return relabel(base, List.of(change), note);
    }

    /**
     * Relabels many samples at once into one new version, e.g. from an edited copy of labels.csv: samples whose label
     * stays the same are passed over, and one bad entry (unknown sample or class, a sample given twice) refuses the
     * whole batch, so nothing is stored.
     */
    public StoredDataset relabelAll(String name, String version, List<LabelChange> changes, String note) {
        StoredDataset base = load(name, version);
        Set<SampleId> seen = new HashSet<>();
        List<LabelChange> real = new ArrayList<>();
        for (LabelChange change : changes) {
            if (!seen.add(SampleId.parse(change.sample()))) {
                throw new TinymlException(change.sample() + " is given more than once; give each sample one new label");
            }
            if (!currentLabel(base, change).equals(change.label())) {
                real.add(change);
            }
        }
        if (real.isEmpty()) {
            throw new TinymlException("every one of the " + changes.size() + " sample(s) given already has that label in "
                    + where(base) + "; nothing to change");
        }
        return relabel(base, real, note);
    }

    private StoredDataset relabel(StoredDataset base, List<LabelChange> changes, String note) {
        Labels labels = base.dataset().labels();
        Dataset dataset = base.dataset();
        List<Relabelling> log = new ArrayList<>(base.manifest().relabelLog());
        String user = System.getProperty("user.name", "unknown");
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        for (LabelChange change : changes) {
            SampleId id = SampleId.parse(change.sample());
            log.add(new Relabelling(id.toString(), currentLabel(base, change), change.label(), base.version(), user, now,
                    note == null ? "" : note));
            dataset = dataset.withTarget(id, labels.targetOf(change.label(), base.dataset().name()));
        }
        return save(dataset, new Parent(base.version(), base.contentHash()), log);
    }

    /** The sample's label in {@code base}, after checking that the data set has labels, the sample and the new class. */
    private static String currentLabel(StoredDataset base, LabelChange change) {
        Labels labels = base.dataset().labels();
        if (labels.isRegression()) {
            throw new TinymlException(where(base) + " is a regression data set (" + Labels.REGRESSION
                    + "): its targets are values to predict, not labels, so there is nothing to relabel");
        }
        SampleId id = SampleId.parse(change.sample());
        Split split = base.dataset().split(id.split());
        if (id.index() >= split.size()) {
            throw new TinymlException(where(base) + " has no sample " + id + ": its " + id.split() + " split holds " + split.size()
                    + " samples, " + id.split() + "/0 to " + id.split() + "/" + (split.size() - 1));
        }
        labels.targetOf(change.label(), base.dataset().name());
        return labels.labelOf(split.targets()[id.index()], where(base) + " " + id);
    }

    private static String where(StoredDataset base) {
        return base.dataset().name() + " version " + base.version();
    }

    /** Reads a stored version back, after checking every file against the SHA-256 its manifest recorded. */
    public StoredDataset load(String name, String version) {
        Path directory = versionDirectory(name, version);
        DatasetManifest manifest = readManifest(directory);
        if (manifest.featuresPerSample() == 0) {
            throw new TinymlException(directory + " was stored before manifests described their samples; collect the data again");
        }
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            String actual = Hashes.sha256(read(directory.resolve(file.getKey())));
            if (!actual.equals(file.getValue())) {
                throw new TinymlException(directory.resolve(file.getKey()) + " changed after it was stored: sha256 " + actual
                        + ", the manifest says " + file.getValue());
            }
        }
        List<Split> splits = new ArrayList<>();
        for (String split : Dataset.SPLITS) {
            Path samples = directory.resolve(samplesFile(split, manifest.image()));
            splits.add(manifest.image() == null ? parseCsv(samples, manifest.featuresPerSample(), manifest.targetsPerSample())
                    : images(samples, split, manifest.labelSet(), readLabels(directory.resolve(LABELS))));
        }
        Dataset dataset = new Dataset(manifest.name(), manifest.recipe(), new Provenance(manifest.source(), manifest.licence()),
                manifest.labelSet(), splits.get(0), splits.get(1), splits.get(2), manifest.image());
        return new StoredDataset(dataset, directory, manifest.contentSha256(), manifest);
    }

    /** The manifest of one version, without reading its samples. */
    public DatasetManifest manifest(String name, String version) {
        return readManifest(versionDirectory(name, version));
    }

    /** The folder a version is stored in. */
    public Path directory(DatasetManifest manifest) {
        return root.resolve(manifest.name()).resolve(manifest.version());
    }

    /** A version's manifest.json as stored, to be shown as it is. */
    public String manifestJson(DatasetManifest manifest) {
        return new String(read(directory(manifest).resolve(MANIFEST)), StandardCharsets.UTF_8);
    }

    /** The names of the stored data sets, sorted. */
    public List<String> names() {
        return folders(root).stream().filter(name -> !folders(root.resolve(name)).isEmpty()).toList();
    }

    /**
     * Every stored version of a data set, oldest first; versions stored before manifests described their samples
     * cannot be loaded and are left out.
     */
    public List<DatasetManifest> versions(String name) {
        Path directory = datasetDirectory(name);
        return folders(directory).stream().map(version -> readManifest(directory.resolve(version)))
                .filter(manifest -> manifest.featuresPerSample() > 0)
                .sorted(Comparator.comparing((DatasetManifest m) -> String.valueOf(m.storedAt())).thenComparing(DatasetManifest::version))
                .toList();
    }

    private StoredDataset save(Dataset dataset, Parent parent, List<Relabelling> log) {
        int features = width(dataset, true);
        int targets = width(dataset, false);
        Map<String, Map<String, Integer>> classCounts = dataset.labels().isRegression() ? null : new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String split : Dataset.SPLITS) {
            files.put(samplesFile(split, dataset.image()), dataset.image() == null ? csv(dataset.split(split))
                    : pixels(dataset.split(split), dataset.image(), dataset.name() + " " + split));
            if (classCounts != null) {
                classCounts.put(split, dataset.labels().counts(dataset.split(split), dataset.name() + " " + split));
            }
        }
        if (classCounts != null) {
            files.put(LABELS, labelsCsv(dataset));
        }
        Map<String, String> fileHashes = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        files.forEach((file, bytes) -> {
            String hash = Hashes.sha256(bytes);
            fileHashes.put(file, hash);
            all.append(file).append(' ').append(hash).append('\n');
        });
        // What the targets mean is content too: the same numbers as classes or as a regression are different data.
        all.append("labels ").append(dataset.labels().describe()).append('\n');
        String contentHash = Hashes.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
        String version = contentHash.substring(0, VERSION_LENGTH);
        Path directory = root.resolve(dataset.name()).resolve(version);
        if (!Files.isRegularFile(directory.resolve(MANIFEST))) {
            Map<String, Integer> samples = new LinkedHashMap<>();
            Dataset.SPLITS.forEach(split -> samples.put(split, dataset.split(split).size()));
            DatasetManifest manifest = new DatasetManifest(dataset.name(), version, contentHash, dataset.provenance().source(),
                    dataset.provenance().licence(), dataset.recipe(),
                    classCounts == null ? Labels.REGRESSION : "one class per sample, in " + LABELS,
                    classCounts == null ? null : dataset.labels().classes(), features, targets, samples, classCounts, parent,
                    log, fileHashes, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), dataset.image());
            writeVersion(directory, files, manifest);
        }
        return new StoredDataset(dataset, directory, contentHash, readManifest(directory));
    }

    /** The number of input (or target) values per sample, the same for every sample or the data set is refused. */
    private static int width(Dataset dataset, boolean inputs) {
        int width = -1;
        for (String split : Dataset.SPLITS) {
            float[][] rows = inputs ? dataset.split(split).inputs() : dataset.split(split).targets();
            for (int i = 0; i < rows.length; i++) {
                if (width >= 0 && rows[i].length != width) {
                    throw new TinymlException(dataset.name() + " " + split + "/" + i + " has " + rows[i].length + " "
                            + (inputs ? "input" : "target") + " values, the samples before it " + width);
                }
                width = rows[i].length;
            }
        }
        if (width <= 0) {
            throw new TinymlException(dataset.name() + " has no samples with " + (inputs ? "inputs" : "targets") + " to store");
        }
        return width;
    }

    private Path datasetDirectory(String name) {
        return root.resolve(Lookup.exact(name, names(), "data set", "in " + root));
    }

    /** The version folder named by {@code version}: the version, the full content hash or a unique start of either. */
    private Path versionDirectory(String name, String version) {
        Path directory = datasetDirectory(name);
        String key = version.length() > VERSION_LENGTH ? version.substring(0, VERSION_LENGTH) : version;
        Path found = directory.resolve(Lookup.unique(key, folders(directory), "version", "of data set " + name));
        if (version.length() > VERSION_LENGTH && !readManifest(found).contentSha256().startsWith(version)) {
            throw new TinymlException("no version '" + version + "' of data set " + name + "; known: "
                    + String.join(", ", folders(directory)));
        }
        return found;
    }

    /** The sub-folders that hold a finished version (or data set), sorted; staging folders are left out. */
    private static List<String> folders(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list " + directory + ": " + IoFailure.reason(e), e);
        }
    }

    private static DatasetManifest readManifest(Path directory) {
        Path file = directory.resolve(MANIFEST);
        try {
            return JSON.readValue(file.toFile(), DatasetManifest.class);
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + IoFailure.reason(e), e);
        }
    }

    /** Writes into a temporary sibling and renames it, so a crash never leaves a half-written version behind. */
    private static void writeVersion(Path directory, Map<String, byte[]> files, DatasetManifest manifest) {
        try {
            Files.createDirectories(directory.getParent());
            // not createTempDirectory: its owner-only mode would become the stored version's
            Path staging = Files.createDirectory(directory.getParent().resolve(".staging-" + UUID.randomUUID()));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            JSON.writeValue(staging.resolve(MANIFEST).toFile(), manifest);
            try {
                Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another process stored the same content first: its version is this one
                deleteStaging(staging);
            }
        } catch (IOException e) {
            throw new TinymlException("cannot store data set in " + directory + ": " + IoFailure.reason(e), e);
        }
    }

    private static void deleteStaging(Path staging) throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(staging);
    }

    private static byte[] csv(Split split) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < split.size(); i++) {
            append(out, split.inputs()[i]);
            out.append(',');
            append(out, split.targets()[i]);
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] labelsCsv(Dataset dataset) {
        StringBuilder out = new StringBuilder(LABELS_HEADER + "\n");
        for (String split : Dataset.SPLITS) {
            float[][] targets = dataset.split(split).targets();
            for (int i = 0; i < targets.length; i++) {
                String sample = split + "/" + i;
                out.append(sample).append(',').append(CsvFields.quote(dataset.labels().labelOf(targets[i], dataset.name() + " " + sample)))
                        .append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String samplesFile(String split, Dataset.ImageShape image) {
        return image == null ? split + ".csv" : split + ".images.npy";
    }

    /** The inputs back as the 8-bit pixels they were made of; anything else is a bug in the data set's maker. */
    private static byte[] pixels(Split split, Dataset.ImageShape image, String where) {
        int size = image.height() * image.width();
        byte[] data = new byte[split.size() * size];
        for (int i = 0; i < split.size(); i++) {
            float[] pixels = split.inputs()[i];
            if (pixels.length != size) {
                throw new TinymlException(where + "/" + i + " has " + pixels.length + " values, not " + image.height() + "x" + image.width());
            }
            for (int p = 0; p < size; p++) {
                long level = Math.round(pixels[p] * 255.0);
                if (level < 0 || level > 255 || (float) (level / 255.0) != pixels[p]) {
                    throw new TinymlException(where + "/" + i + " pixel " + p + " is " + pixels[p] + ", not an 8-bit level p/255");
                }
                data[i * size + p] = (byte) level;
            }
        }
        return Npy.writeUint8(new int[] {split.size(), image.height(), image.width()}, data);
    }

    /** labels.csv as sample → class name. */
    private static Map<String, String> readLabels(Path file) {
        Map<String, String> labels = new LinkedHashMap<>();
        readLabelChanges(file).forEach(entry -> labels.put(entry.sample(), entry.label()));
        return labels;
    }

    /**
     * Reads lines of {@code <split/index>,<class>} in the form of a version's labels.csv (its header line and blank
     * lines are passed over); a line of another form is refused with its file and line number.
     */
    public static List<LabelChange> readLabelChanges(Path file) {
        // a spreadsheet's "CSV UTF-8" starts with a byte order mark, which would otherwise cling to the first sample
        List<String> lines = new String(read(file), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").lines().toList();
        List<LabelChange> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || i == 0 && line.equals(LABELS_HEADER)) {
                continue;
            }
            List<String> fields = CsvFields.split(line);
            if (fields == null || fields.size() != 2 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
                throw new TinymlException(file + ":" + (i + 1) + ": '" + line + "' is not <split/index>,<class> (e.g. train/17,ring)");
            }
            entries.add(new LabelChange(fields.get(0), fields.get(1)));
        }
        return entries;
    }

    /** One split's images (pixels p/255) with their one-hot targets from the class names in labels.csv. */
    private static Split images(Path file, String split, Labels classes, Map<String, String> labels) {
        Npy.Array array = Npy.read(read(file), file.toString());
        int count = array.shape()[0];
        int size = array.count() / Math.max(count, 1);
        float[][] inputs = new float[count][size];
        float[][] targets = new float[count][];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < size; p++) {
                inputs[i][p] = (float) (array.values()[i * size + p] / 255.0);
            }
            String label = labels.get(split + "/" + i);
            if (label == null) {
                throw new TinymlException(file.resolveSibling(LABELS) + " has no label for " + split + "/" + i);
            }
            targets[i] = classes.targetOf(label, file.getParent().toString());
        }
        return new Split(inputs, targets);
    }

    private static void append(StringBuilder out, float[] values) {
        for (int j = 0; j < values.length; j++) {
            if (j > 0) {
                out.append(',');
            }
            out.append(values[j]);
        }
    }

    /** One split's CSV back into floats; Float.toString wrote them, so every value comes back bit for bit. */
    private static Split parseCsv(Path file, int features, int targets) {
        List<String> lines = new String(read(file), StandardCharsets.UTF_8).lines().toList();
        float[][] inputs = new float[lines.size()][features];
        float[][] outputs = new float[lines.size()][targets];
        for (int i = 0; i < lines.size(); i++) {
            String[] values = lines.get(i).split(",");
            if (values.length != features + targets) {
                throw new TinymlException(file + " line " + (i + 1) + ": " + values.length + " values, expected "
                        + features + " inputs and " + targets + " targets");
            }
            for (int j = 0; j < features; j++) {
                inputs[i][j] = Float.parseFloat(values[j]);
            }
            for (int j = 0; j < targets; j++) {
                outputs[i][j] = Float.parseFloat(values[features + j]);
            }
        }
        return new Split(inputs, outputs);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + IoFailure.reason(e), e);
        }
    }
}
