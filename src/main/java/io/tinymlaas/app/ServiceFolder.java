package io.tinymlaas.app;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The service's own folder on this machine: the embedded database and the first operator's token. */
public record ServiceFolder(Path path) {

    public static final String FIRST_TOKEN_FILE = "first-operator-token";

    /** The folder, made if missing. */
    public ServiceFolder create() {
        try {
            Files.createDirectories(path);
            return this;
        } catch (IOException e) {
            throw new TinymlException("cannot create the data folder " + path + ": " + IoFailure.reason(e), e);
        }
    }

    public Path firstTokenFile() {
        return path.resolve(FIRST_TOKEN_FILE);
    }

    /** Keeps the first token readable by its owner only: whoever reads it can register devices and run pipelines. */
    public Path saveFirstToken(String token) {
        Path file = firstTokenFile();
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
            return file;
        } catch (IOException e) {
            throw new TinymlException("cannot save the first token in " + file + ": " + IoFailure.reason(e), e);
        }
    }

    /** The first operator's token as serve saved it, for the commands that talk to the service on this machine. */
    public String firstToken() {
        Path file = firstTokenFile();
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new TinymlException("no token: give --token, set $TINYML_TOKEN, or let serve save its first one in " + file
                    + " (" + IoFailure.reason(e) + ")", e);
        }
    }
}
