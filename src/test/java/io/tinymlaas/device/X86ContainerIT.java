package io.tinymlaas.device;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.MemoryPlan;
import io.tinymlaas.core.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class X86ContainerIT {

    @TempDir
    Path work;

    @Test
    void aCompilerErrorInTheContainerIsReportedWithGccsOwnMessage() {
        String header = "#include <stdint.h>\n#define TINYML_MODEL_INPUT_BYTES 1\n#define TINYML_MODEL_OUTPUT_BYTES 1\n"
                + "int8_t *tinyml_model_input(void);\nconst int8_t *tinyml_model_output(void);\nvoid tinyml_model_invoke(void);\n";
        String broken = "#include \"model.h\"\nvoid tinyml_model_invoke(void) { undeclared_kernel(); }\n";
        CompiledModel model = new CompiledModel("00", header, broken, new MemoryPlan(Map.of(), 0), 0, 1, 1);
        X86Container container = new X86Container(ProjectLayout.find().firmware(), work);
        assertThatThrownBy(() -> container.run(model, List.of(new byte[] {1})))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("gcc could not build the generated C for the x86 container")
                .hasMessageContaining("undeclared_kernel");
    }
}
