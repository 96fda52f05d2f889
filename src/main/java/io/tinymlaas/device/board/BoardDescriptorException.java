package io.tinymlaas.device.board;

import io.tinymlaas.core.TinymlException;
import java.nio.file.Path;

/**
 * A board descriptor file that cannot be used: unreadable, not YAML, or failing validation. The message names the
 * file and, when the problem is in one field, that field (by its YAML key, e.g. {@code ram_bytes}).
 */
public class BoardDescriptorException extends TinymlException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String field;

    public BoardDescriptorException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public BoardDescriptorException(Path file, String field, String problem, Throwable cause) {
        super("board descriptor " + file + (field == null ? "" : ", field '" + field + "'") + ": " + problem, cause);
        this.file = file;
        this.field = field;
    }

    /** The offending descriptor file. */
    public Path file() {
        return file;
    }

    /** The offending field as its YAML key (nested keys joined by '.'), or null when the whole file is at fault. */
    public String field() {
        return field;
    }
}
