package io.tinymlaas.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;

class TfliteRoundTripTest {

    @Test
    void writtenModelReadsBackWithTheSameTensorsOperatorsAndBytes() {
        TfliteModel original = SampleModels.tinyDense();
        TfliteModel read = TfliteReader.read(TfliteWriter.write(original), "memory");
        assertThat(read.description()).isEqualTo("round trip");
        assertThat(read.inputs()).containsExactly(original.inputs());
        assertThat(read.outputs()).containsExactly(original.outputs());
        assertThat(read.tensors()).hasSameSizeAs(original.tensors());
        for (int i = 0; i < original.tensors().size(); i++) {
            Tensor a = original.tensor(i);
            Tensor b = read.tensor(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.type()).isEqualTo(a.type());
            assertThat(b.shape()).containsExactly(a.shape());
            assertThat(b.data()).isEqualTo(a.data());
            assertThat(b.quantization().scales()).containsExactly(a.quantization().scales());
            assertThat(b.quantization().zeroPoints()).containsExactly(a.quantization().zeroPoints());
        }
        assertThat(read.operators()).extracting(Operator::name).containsExactly("FULLY_CONNECTED", "FULLY_CONNECTED");
        assertThat(read.operators().get(0).fusedActivation()).isEqualTo(Activation.RELU);
        assertThat(Arrays.stream(read.operators().get(1).inputs()).boxed()).containsExactly(3, 4, 5);
    }

    @Test
    void fileFollowsTheSchemaConventionsTheInterpreterRelies() {
        byte[] bytes = TfliteWriter.write(SampleModels.tinyDense());
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Model.ModelBufferHasIdentifier(buffer)).isTrue();
        Model model = Model.getRootAsModel(buffer);
        assertThat(model.version()).isEqualTo(3);
        assertThat(model.buffers(0).dataLength()).as("buffer 0 is the empty sentinel").isZero();
        assertThat(model.operatorCodes(0).builtinCode()).isEqualTo(BuiltinOperator.FULLY_CONNECTED);
        assertThat(model.operatorCodes(0).deprecatedBuiltinCode()).isEqualTo((byte) BuiltinOperator.FULLY_CONNECTED);
        for (int b = 0; b < model.buffersLength(); b++) {
            if (model.buffers(b).dataLength() > 0) {
                assertThat(model.buffers(b).dataAsByteBuffer().position() % 16).as("buffer %d is 16-byte aligned", b).isZero();
            }
        }
    }

    @Test
    void truncatedFileIsRejectedWithAMessageNamingTheFile() {
        byte[] bytes = TfliteWriter.write(SampleModels.tinyDense());
        for (int length : new int[] {0, 7, 64, bytes.length / 2, bytes.length - 40}) {
            assertThatThrownBy(() -> TfliteReader.read(Arrays.copyOf(bytes, length), "cut.tflite"))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("cut.tflite: ");
        }
    }

    @Test
    void fileWithoutTheTfl3IdentifierIsRejected() {
        byte[] bytes = TfliteWriter.write(SampleModels.tinyDense());
        bytes[4] = 'X';
        assertThatThrownBy(() -> TfliteReader.read(bytes, "odd.tflite"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("identifier is not TFL3");
    }

    @Test
    void randomByteFlipsNeverEscapeAsAnythingButAClearError() {
        byte[] original = TfliteWriter.write(SampleModels.tinyDense());
        java.util.Random random = new java.util.Random(1);
        for (int round = 0; round < 300; round++) {
            byte[] mutated = original.clone();
            for (int flips = 0; flips < 4; flips++) {
                mutated[8 + random.nextInt(mutated.length - 8)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                TfliteReader.read(mutated, "mutated.tflite");
            } catch (io.tinymlaas.core.TinymlException expected) {
                assertThat(expected.getMessage()).startsWith("mutated.tflite: ");
            }
        }
    }
}
