package io.tinymlaas.device.board;

import io.tinymlaas.core.NotFoundException;
import java.util.Collection;
import java.util.List;

/** Thrown when a board id names no descriptor in the catalog. The message lists the ids that do exist. */
public class UnknownBoardException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final List<String> knownIds;

    public UnknownBoardException(String id, Collection<String> knownIds) {
        super("unknown board '" + id + "'; known boards: "
                + (knownIds.isEmpty() ? "(none)" : String.join(", ", knownIds)));
        this.id = id;
        this.knownIds = List.copyOf(knownIds);
    }

    /** The id that was asked for. */
    public String id() {
        return id;
    }

    /** The ids the catalog does know, sorted. */
    public List<String> knownIds() {
        return knownIds;
    }
}
