package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenePhotosTest {

    @Test
    void trainingSeesWallpapersAndSurfacesTheTestOnlyScikitImagesPhotos() {
        ScenePhotos.Scenes scenes = ScenePhotos.load();
        assertThat(scenes.train()).hasSizeGreaterThan(ScenePhotos.WALLPAPERS.size() + 30);
        assertThat(scenes.test()).hasSize(ScenePhotos.SAMPLE_PHOTOS.size());
        assertThat(scenes.train()).extracting(ScenePhotos.Scene::file).noneMatch(file -> file.contains("skimage"))
                .anyMatch(file -> file.endsWith(".pat"));
        assertThat(scenes.test()).extracting(ScenePhotos.Scene::file).allMatch(file -> file.contains("/skimage/data/"))
                .noneMatch(file -> file.contains("astronaut") || file.contains("camera"));
        for (ScenePhotos.Scene scene : scenes.train().subList(0, 3)) {
            assertThat(scene.pixels()).hasSize(ScenePhotos.WIDTH * ScenePhotos.HEIGHT);
            float min = 1;
            float max = 0;
            for (float p : scene.pixels()) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            assertThat(max - min).as("contrast of " + scene.file()).isGreaterThan(0.2f);
        }
        assertThat(scenes.provenance().licence()).contains("GPL-2+", "CC-BY-4.0", "BSD-3-Clause");
    }

    @Test
    void aMissingPhotoOrPatternFolderNamesThePackagesToInstall(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenePhotos.load(List.of(dir.resolve("gone.jpg").toString()), ScenePhotos.PATTERNS, List.of()))
                .isInstanceOf(TinymlException.class).hasMessageContaining("gone.jpg is missing")
                .hasMessageContaining("apt-get install plasma-workspace-wallpapers");
        assertThatThrownBy(() -> ScenePhotos.load(List.of(), dir.resolve("patterns"), List.of()))
                .isInstanceOf(TinymlException.class).hasMessageContaining("patterns are missing").hasMessageContaining("gimp-data");
    }
}
