package io.tinymlaas.store;

import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dataset_version table: every stored data set version, its provenance and its parent. The versions enter from the
 * {@link DatasetStore}, which keeps the samples.
 */
public final class DatasetVersions {

    private static final String COLUMNS = "name, version, content_sha256, source, licence, parent_version, samples, stored_at";

    private final Sql sql;

    public DatasetVersions(Database database) {
        this.sql = database.sql();
    }

    /**
     * Adds every version of every data set in the store that the table does not hold yet. A version is named by its
     * content and never rewritten, so one imported stays as it is: importing twice adds nothing.
     *
     * @return how many versions were added
     */
    public int importFrom(DatasetStore store) {
        Set<List<String>> known = new HashSet<>(sql.list("select name, version from dataset_version",
                row -> List.of(row.getString("name"), row.getString("version"))));
        int added = 0;
        for (String name : store.names()) {
            for (DatasetManifest manifest : store.versions(name)) {
                if (!known.contains(List.of(manifest.name(), manifest.version()))) {
                    Instant storedAt = Sql.instant(manifest.storedAt(),
                            "data set " + manifest.name() + " version " + manifest.version());
                    sql.update("insert into dataset_version (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", manifest.name(),
                            manifest.version(), manifest.contentSha256(), manifest.source(), manifest.licence(),
                            manifest.parent() == null ? null : manifest.parent().version(),
                            manifest.samples().values().stream().mapToInt(Integer::intValue).sum(), storedAt);
                    added++;
                }
            }
        }
        return added;
    }

    /** Every version, by data set name, each data set's oldest first. */
    public List<DatasetVersion> list() {
        return sql.list("select " + COLUMNS + " from dataset_version order by name, stored_at, version", DatasetVersions::version);
    }

    public DatasetVersion get(String name, String version) {
        return sql.one("select " + COLUMNS + " from dataset_version where name = ? and version = ?", DatasetVersions::version,
                name, version).orElseThrow(() -> new NotFoundException("no version '" + version + "' of data set '" + name
                + "' in the registry"));
    }

    private static DatasetVersion version(ResultSet row) throws SQLException {
        return new DatasetVersion(row.getString("name"), row.getString("version"), row.getString("content_sha256"),
                row.getString("source"), row.getString("licence"), row.getString("parent_version"), row.getInt("samples"),
                Sql.instant(row, "stored_at"));
    }
}
