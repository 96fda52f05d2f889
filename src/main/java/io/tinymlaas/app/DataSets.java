package io.tinymlaas.app;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.data.FolderImport;
import io.tinymlaas.data.Provenance;
import io.tinymlaas.examples.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored data sets of one store, as the doors see them: versions, a version shown, collecting, relabelling. */
public final class DataSets {

    private final DatasetStore store;

    DataSets(DatasetStore store) {
        this.store = store;
    }

    public Path root() {
        return store.root();
    }

    /** Every data set by name (sorted), each with its versions oldest first; empty when nothing is stored yet. */
    public Map<String, List<DatasetManifest>> list() {
        Map<String, List<DatasetManifest>> versions = new LinkedHashMap<>();
        store.names().forEach(name -> versions.put(name, store.versions(name)));
        return versions;
    }

    /** One version (or a unique start of it; null: the newest) with manifest.json as stored. */
    public DatasetView show(String name, String version) {
        List<DatasetManifest> versions = store.versions(name);
        if (version == null && versions.isEmpty()) {
            throw new TinymlException("no readable version of " + name + " in " + store.root() + "; collect it again");
        }
        DatasetManifest manifest = version != null ? store.manifest(name, version) : versions.get(versions.size() - 1);
        return new DatasetView(manifest, store.directory(manifest), versions.size(), store.manifestJson(manifest));
    }

    /** One stored version with its data, e.g. to train on it or to check what it holds. */
    public StoredDataset load(String name, String version) {
        return store.load(name, version);
    }

    /** Collects an example's data set and stores it as a version (the dry-run's collect stage alone). */
    public StoredDataset collect(String example) {
        return store.save(Examples.byName(example).collect());
    }

    /**
     * Imports a user's recordings or pictures for an example ({@code from}: a folder with a sub-folder per class, or a
     * CSV of file,label lines) as a data set version under the example's data set name, trainable with
     * {@code dry-run --data}. {@code source} and {@code licence} go into the manifest and must be given; with
     * {@code splitLongRecordings} a WAV longer than a second gives a clip per second instead of its loudest second.
     */
    public ImportOutcome importFolder(String example, Path from, String source, String licence, boolean splitLongRecordings) {
        Example chosen = Examples.byName(example);
        if (source == null || source.isBlank() || licence == null || licence.isBlank()) {
            throw new TinymlException("say where the data comes from and under which licence it may be used (--source, --licence): "
                    + "both go into the data set's manifest");
        }
        if (!Files.exists(from)) {
            throw new TinymlException(from + ": no such folder or CSV file");
        }
        FolderImport.Imported imported = FolderImport.read(chosen.datasetName(), from, chosen.importKind(splitLongRecordings),
                new Provenance(source.strip(), licence.strip()));
        List<String> before = store.names().contains(chosen.datasetName()) ? versionNames(chosen.datasetName()) : List.of();
        StoredDataset stored = store.save(imported.dataset());
        return new ImportOutcome(stored, before.contains(stored.version()), imported.filesPerClass(), imported.files());
    }

    /** Gives one sample ("split/index", e.g. train/17) a new class; the version relabelled stays as it was. */
    public RelabelOutcome relabel(String name, String version, String sample, String label, String note) {
        DatasetManifest before = store.manifest(name, version);
        List<String> storedBefore = versionNames(name);
        return outcome(before, store.relabel(name, before.version(), sample, label, note), storedBefore);
    }

    /**
     * Relabels every sample a file of {@code <split/index>,<class>} lines names (e.g. an edited labels.csv) into one
     * new version; samples whose class stays the same are passed over.
     */
    public RelabelOutcome relabel(String name, String version, Path changes, String note) {
        DatasetManifest before = store.manifest(name, version);
        List<String> storedBefore = versionNames(name);
        List<DatasetStore.LabelChange> given = DatasetStore.readLabelChanges(changes);
        if (given.isEmpty()) {
            throw new TinymlException(changes + ": no <split/index>,<class> lines (e.g. train/17,ring); nothing to change");
        }
        return outcome(before, store.relabelAll(name, before.version(), given, note), storedBefore);
    }

    private List<String> versionNames(String name) {
        return store.versions(name).stream().map(DatasetManifest::version).toList();
    }

    private static RelabelOutcome outcome(DatasetManifest before, StoredDataset result, List<String> storedBefore) {
        return new RelabelOutcome(before, result.manifest(), storedBefore.contains(result.version()));
    }
}
