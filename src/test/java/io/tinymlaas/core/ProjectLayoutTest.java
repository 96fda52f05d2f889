package io.tinymlaas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/tinyml runs the CLI in the caller's folder and names the project with tinyml.root. */
class ProjectLayoutTest {

    @TempDir
    Path elsewhere;

    @AfterEach
    void forget() {
        System.clearProperty("tinyml.root");
    }

    @Test
    void theProjectNamedByTinymlRootIsFoundWhateverTheWorkingDirectory() {
        Path project = ProjectLayout.find().root();
        System.setProperty("tinyml.root", project.toString());
        assertThat(ProjectLayout.find().root()).isEqualTo(project);
    }

    @Test
    void aTinymlRootOutsideAnyProjectIsRefusedNamingTheFolder() {
        System.setProperty("tinyml.root", elsewhere.toString());
        assertThatThrownBy(ProjectLayout::find).isInstanceOf(TinymlException.class)
                .hasMessageStartingWith("cannot find the TinyMLaaS project (a folder with pom.xml and firmware/) above " + elsewhere);
    }
}
