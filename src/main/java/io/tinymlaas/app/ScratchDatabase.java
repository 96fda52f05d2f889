package io.tinymlaas.app;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** An embedded registry database of one benchmark's own, in a new folder under target/, deleted when closed. */
public record ScratchDatabase(Path folder) implements AutoCloseable {

    public static ScratchDatabase create(Tinyml engine) {
        Path parent = engine.layout().output();
        try {
            Files.createDirectories(parent);
            return new ScratchDatabase(Files.createTempDirectory(parent, "bench-service-"));
        } catch (IOException e) {
            throw new TinymlException("cannot create a database folder in " + parent + ": " + IoFailure.reason(e), e);
        }
    }

    public String jdbcUrl() {
        return TinymlService.embeddedDatabase(folder);
    }

    @Override
    public void close() {
        try (Stream<Path> tree = Files.walk(folder)) {
            List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new TinymlException("cannot delete the benchmark's database folder " + folder + ": " + IoFailure.reason(e), e);
        }
    }
}
