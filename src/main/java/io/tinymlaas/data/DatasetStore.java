package io.tinymlaas.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinymlaas.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores data sets as versioned folders {@code <root>/<name>/<hash prefix>/}: one CSV per split and a manifest.
 * The version is the hash of the content, so the same data always lands in the same folder and a changed sample
 * makes a new version instead of overwriting the old one. Image data sets are stored as they are, 8 bits a pixel:
 * per split a uint8 .npy file [samples, height, width] and a CSV of class names; as CSV text they would be ten
 * times larger.
 */
public final class DatasetStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public DatasetStore(Path root) {
        this.root = root;
    }

    public StoredDataset save(Dataset dataset) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Split> splits = new LinkedHashMap<>();
        splits.put("train", dataset.train());
        splits.put("validation", dataset.validation());
        splits.put("test", dataset.test());
        splits.forEach((name, split) -> {
            if (dataset.images() == null) {
                files.put(name + ".csv", csv(split));
            } else {
                files.put(name + ".images.npy", pixels(split, dataset.images(), dataset.name() + "/" + name));
                files.put(name + ".labels.csv", labels(split, dataset.images().classes()));
            }
        });
        Map<String, String> fileHashes = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        files.forEach((name, bytes) -> {
            String hash = Hashes.sha256(bytes);
            fileHashes.put(name, hash);
            all.append(name).append(' ').append(hash).append('\n');
        });
        String contentHash = Hashes.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
        Path directory = root.resolve(dataset.name()).resolve(contentHash.substring(0, 12));
        if (!Files.isRegularFile(directory.resolve("manifest.json"))) {
            writeVersion(directory, files, manifest(dataset, contentHash, fileHashes));
        }
        return new StoredDataset(dataset, directory, contentHash);
    }

    private static Map<String, Object> manifest(Dataset dataset, String contentHash, Map<String, String> fileHashes) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", dataset.name());
        manifest.put("content_sha256", contentHash);
        manifest.put("recipe", dataset.recipe());
        if (dataset.images() != null) {
            Dataset.Images images = dataset.images();
            manifest.put("source", images.source());
            manifest.put("licence", images.licence());
            manifest.put("classes", images.classes());
            manifest.put("image", Map.of("height", images.height(), "width", images.width(), "channels", 1, "bits", 8));
        }
        manifest.put("samples", Map.of("train", dataset.train().size(), "validation", dataset.validation().size(),
                "test", dataset.test().size()));
        manifest.put("files", fileHashes);
        return manifest;
    }

    /** Writes into a temporary sibling and renames it, so a crash never leaves a half-written version behind. */
    private static void writeVersion(Path directory, Map<String, byte[]> files, Map<String, Object> manifest) {
        try {
            Files.createDirectories(directory.getParent());
            Path staging = Files.createTempDirectory(directory.getParent(), ".staging-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            JSON.writeValue(staging.resolve("manifest.json").toFile(), manifest);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TinymlException("cannot store data set in " + directory + ": " + e.getMessage(), e);
        }
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

    /** The inputs back as the 8-bit pixels they were made of; anything else is a bug in the data set's maker. */
    private static byte[] pixels(Split split, Dataset.Images images, String where) {
        int size = images.height() * images.width();
        byte[] data = new byte[split.size() * size];
        for (int i = 0; i < split.size(); i++) {
            float[] image = split.inputs()[i];
            if (image.length != size) {
                throw new TinymlException(where + ": sample " + i + " has " + image.length + " values, not "
                        + images.height() + "x" + images.width());
            }
            for (int p = 0; p < size; p++) {
                long level = Math.round(image[p] * 255.0);
                if (level < 0 || level > 255 || (float) (level / 255.0) != image[p]) {
                    throw new TinymlException(where + ": sample " + i + " pixel " + p + " is " + image[p] + ", not an 8-bit level p/255");
                }
                data[i * size + p] = (byte) level;
            }
        }
        return Npy.writeUint8(new int[] {split.size(), images.height(), images.width()}, data);
    }

    private static byte[] labels(Split split, java.util.List<String> classes) {
        StringBuilder out = new StringBuilder("label\n");
        for (float[] target : split.targets()) {
            out.append(classes.get(OneHot.argmax(target))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, float[] values) {
        for (int j = 0; j < values.length; j++) {
            if (j > 0) {
                out.append(',');
            }
            out.append(values[j]);
        }
    }
}
