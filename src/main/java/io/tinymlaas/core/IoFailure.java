package io.tinymlaas.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file operation failed, in words. The JDK's file exceptions often carry only the path as their message
 * ("cannot write /x: /x"), the reason being their class; a user needs the reason.
 */
public final class IoFailure {

    private IoFailure() {
    }

    /** E.g. "permission denied: /proc/x.md", "no such file or folder: a/b.csv", "Read-only file system: /mnt/x". */
    public static String reason(IOException e) {
        if (e instanceof JsonProcessingException json) {
            // Jackson's own message runs over two lines and ends in "[Source: REDACTED ...]"
            JsonLocation at = json.getLocation();
            return "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + json.getOriginalMessage().lines().findFirst().orElse("");
        }
        if (!(e instanceof FileSystemException fs) || fs.getReason() != null) {
            return e.getMessage();
        }
        String what = e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileAlreadyExistsException ? "a file is in the way"
                : e instanceof NotDirectoryException ? "not a folder"
                : e instanceof DirectoryNotEmptyException ? "folder not empty"
                : e.getClass().getSimpleName();
        return what + ": " + fs.getFile();
    }

    /** A file's bytes, or a refusal that names the file and says why it cannot be read. */
    public static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TinymlException(file + ": no such file");
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + reason(e), e);
        }
    }
}
