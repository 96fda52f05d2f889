package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputBatchTest {

    @TempDir
    Path work;

    @Test
    void aBatchIsWrittenAsTheFirmwareReadsItMagicInputSizeCountThenTheInputs() throws Exception {
        InputBatch batch = InputBatch.of(List.of(new byte[] {1, 2, 3}, new byte[] {-4, -5, -6})).orElseThrow();

        byte[] written = Files.readAllBytes(batch.write(work.resolve("sub/batch.bin")));

        assertThat(written).containsExactly('T', 'M', 'L', 'I', 3, 0, 0, 0, 2, 0, 0, 0, 1, 2, 3, -4, -5, -6);
        assertThat(batch.bytes()).isEqualTo(written.length);
    }

    @Test
    void inputsOfDifferentLengthsOrNoneMakeNoBatch() {
        assertThat(InputBatch.of(List.of(new byte[2], new byte[3]))).isEmpty();
        assertThat(InputBatch.of(List.of())).isEmpty();
    }
}
