package io.tinymlaas.app;

import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetManifest.Relabelling;
import java.util.List;

/**
 * A relabelling: the version relabelled ({@code before}, unchanged) and the version it gave ({@code after});
 * {@code madeBefore}: the same relabelling was stored before, so {@code after} is that earlier version.
 */
public record RelabelOutcome(DatasetManifest before, DatasetManifest after, boolean madeBefore) {

    /** The data equals a version stored before that is not a child of {@code before}, e.g. a change undone. */
    public boolean equalsAnotherVersion() {
        return after.parent() == null || !after.parent().version().equals(before.version());
    }

    /** The changes this relabelling made, in the order logged. */
    public List<Relabelling> changes() {
        return after.relabelLog().subList(before.relabelLog().size(), after.relabelLog().size());
    }

    /** The splits whose class counts changed, in the order of {@link #changes()}. */
    public List<String> splits() {
        return changes().stream().map(r -> r.sample().substring(0, r.sample().indexOf('/'))).distinct().toList();
    }
}
