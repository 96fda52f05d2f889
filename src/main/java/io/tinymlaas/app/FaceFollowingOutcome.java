package io.tinymlaas.app;

import io.tinymlaas.lifecycle.FaceFollowingDemo.Followed;
import java.nio.file.Path;

/** The face-following demo's answer: the frames, the board's commands and the verdict, and the report written of them. */
public record FaceFollowingOutcome(Followed followed, Path html) {
}
