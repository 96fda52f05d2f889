package io.tinymlaas.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.tflite.ModelMetadata.Content;
import io.tinymlaas.tflite.ModelMetadata.Input;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.lite.support.metadata.schema.AssociatedFileT;
import org.tensorflow.lite.support.metadata.schema.AssociatedFileType;
import org.tensorflow.lite.support.metadata.schema.ColorSpaceType;
import org.tensorflow.lite.support.metadata.schema.ContentProperties;
import org.tensorflow.lite.support.metadata.schema.ContentPropertiesUnion;
import org.tensorflow.lite.support.metadata.schema.ContentT;
import org.tensorflow.lite.support.metadata.schema.FeaturePropertiesT;
import org.tensorflow.lite.support.metadata.schema.ImagePropertiesT;
import org.tensorflow.lite.support.metadata.schema.NormalizationOptionsT;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitOptions;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitOptionsUnion;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitT;
import org.tensorflow.lite.support.metadata.schema.SubGraphMetadataT;
import org.tensorflow.lite.support.metadata.schema.TensorMetadataT;

/**
 * {@link ModelMetadata} to and from TensorFlow Lite metadata: a {@code ModelMetadata} FlatBuffer (identifier M001, the
 * schema of tflite-support's metadata_schema.fbs) in one of the model's buffers, named by the model's metadata entry
 * {@code TFLITE_METADATA}; the labels are a TENSOR_AXIS_LABELS file of the output tensor, one class a line, packed in the
 * zip archive after the model ({@link AssociatedFiles}).
 */
final class MetadataCodec {

    static final String ENTRY = "TFLITE_METADATA";
    static final String LABELS_FILE = "labels.txt";
    /** The oldest metadata parser that understands every field written here (all of them date from 1.0.0). */
    private static final String MIN_PARSER_VERSION = "1.0.0";

    private MetadataCodec() {
    }

    /** The ModelMetadata FlatBuffer. */
    static byte[] encode(ModelMetadata metadata) {
        TensorMetadataT input = new TensorMetadataT();
        input.setName("input");
        input.setDescription(metadata.input().description());
        ContentT content = new ContentT();
        ContentPropertiesUnion properties = new ContentPropertiesUnion();
        if (metadata.input().content() == Content.GRAYSCALE_IMAGE) {
            ImagePropertiesT image = new ImagePropertiesT();
            image.setColorSpace(ColorSpaceType.GRAYSCALE);
            properties.setType(ContentProperties.ImageProperties);
            properties.setValue(image);
        } else {
            properties.setType(ContentProperties.FeatureProperties);
            properties.setValue(new FeaturePropertiesT());
        }
        content.setContentProperties(properties);
        input.setContent(content);
        if (metadata.input().std() != 0) {
            NormalizationOptionsT normalization = new NormalizationOptionsT();
            normalization.setMean(new float[] {metadata.input().mean()});
            normalization.setStd(new float[] {metadata.input().std()});
            ProcessUnitOptionsUnion options = new ProcessUnitOptionsUnion();
            options.setType(ProcessUnitOptions.NormalizationOptions);
            options.setValue(normalization);
            ProcessUnitT unit = new ProcessUnitT();
            unit.setOptions(options);
            input.setProcessUnits(new ProcessUnitT[] {unit});
        }
        TensorMetadataT output = new TensorMetadataT();
        output.setName(metadata.labels().isEmpty() ? "values" : "probabilities");
        output.setDescription(metadata.labels().isEmpty() ? "the predicted values"
                : "the probability of each class, in the order of " + LABELS_FILE);
        if (!metadata.labels().isEmpty()) {
            AssociatedFileT labels = new AssociatedFileT();
            labels.setName(LABELS_FILE);
            labels.setDescription("the class names, one a line, in the order of the outputs");
            labels.setType(AssociatedFileType.TENSOR_AXIS_LABELS);
            output.setAssociatedFiles(new AssociatedFileT[] {labels});
        }
        SubGraphMetadataT subgraph = new SubGraphMetadataT();
        subgraph.setInputTensorMetadata(new TensorMetadataT[] {input});
        subgraph.setOutputTensorMetadata(new TensorMetadataT[] {output});
        org.tensorflow.lite.support.metadata.schema.ModelMetadataT model = new org.tensorflow.lite.support.metadata.schema.ModelMetadataT();
        model.setName(metadata.name());
        model.setVersion(metadata.version());
        model.setDescription(metadata.description());
        model.setAuthor(metadata.author());
        model.setLicense(metadata.license());
        model.setSubgraphMetadata(new SubGraphMetadataT[] {subgraph});
        model.setMinParserVersion(MIN_PARSER_VERSION);
        FlatBufferBuilder builder = new FlatBufferBuilder(1024);
        org.tensorflow.lite.support.metadata.schema.ModelMetadata.finishModelMetadataBuffer(builder,
                org.tensorflow.lite.support.metadata.schema.ModelMetadata.pack(builder, model));
        return builder.sizedByteArray();
    }

    /** The associated files to append after the model: the labels, if the model has classes. */
    static Map<String, byte[]> files(ModelMetadata metadata) {
        return metadata.labels().isEmpty() ? Map.of()
                : Map.of(LABELS_FILE, (String.join("\n", metadata.labels()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The metadata of a model file, if it has any; {@code source} names the file in errors. */
    static Optional<ModelMetadata> decode(byte[] file, org.tensorflow.lite.schema.Model model, String source) {
        for (int i = 0; i < model.metadataLength(); i++) {
            org.tensorflow.lite.schema.Metadata entry = model.metadata(i);
            if (ENTRY.equals(entry.name())) {
                if (entry.buffer() >= model.buffersLength()) {
                    throw new ModelFormatException(source + ": its " + ENTRY + " names buffer " + entry.buffer() + " of "
                            + model.buffersLength());
                }
                ByteBuffer data = model.buffers((int) entry.buffer()).dataAsByteBuffer();
                if (data == null || !org.tensorflow.lite.support.metadata.schema.ModelMetadata.ModelMetadataBufferHasIdentifier(data)) {
                    throw new ModelFormatException(source + ": its " + ENTRY + " buffer is not a ModelMetadata FlatBuffer (M001)");
                }
                return Optional.of(decode(file, org.tensorflow.lite.support.metadata.schema.ModelMetadata.getRootAsModelMetadata(data),
                        source));
            }
        }
        return Optional.empty();
    }

    private static ModelMetadata decode(byte[] file, org.tensorflow.lite.support.metadata.schema.ModelMetadata metadata,
                                        String source) {
        Input input = new Input("", Content.FEATURES, 0, 0);
        List<String> labels = List.of();
        if (metadata.subgraphMetadataLength() > 0) {
            org.tensorflow.lite.support.metadata.schema.SubGraphMetadata subgraph = metadata.subgraphMetadata(0);
            if (subgraph.inputTensorMetadataLength() > 0) {
                input = input(subgraph.inputTensorMetadata(0));
            }
            if (subgraph.outputTensorMetadataLength() > 0) {
                labels = labels(file, subgraph.outputTensorMetadata(0), source);
            }
        }
        return new ModelMetadata(orEmpty(metadata.name()), orEmpty(metadata.version()), orEmpty(metadata.description()),
                orEmpty(metadata.author()), orEmpty(metadata.license()), input, labels);
    }

    private static Input input(org.tensorflow.lite.support.metadata.schema.TensorMetadata tensor) {
        boolean image = tensor.content() != null && tensor.content().contentPropertiesType() == ContentProperties.ImageProperties;
        float mean = 0;
        float std = 0;
        for (int i = 0; i < tensor.processUnitsLength(); i++) {
            org.tensorflow.lite.support.metadata.schema.ProcessUnit unit = tensor.processUnits(i);
            if (unit.optionsType() == ProcessUnitOptions.NormalizationOptions) {
                org.tensorflow.lite.support.metadata.schema.NormalizationOptions options =
                        (org.tensorflow.lite.support.metadata.schema.NormalizationOptions) unit.options(
                                new org.tensorflow.lite.support.metadata.schema.NormalizationOptions());
                // one value per channel; our models take one channel, a colour model's first is shown
                mean = options.meanLength() > 0 ? options.mean(0) : 0;
                std = options.stdLength() > 0 ? options.std(0) : 0;
            }
        }
        return new Input(orEmpty(tensor.description()), image ? Content.GRAYSCALE_IMAGE : Content.FEATURES, mean, std);
    }

    private static List<String> labels(byte[] file, org.tensorflow.lite.support.metadata.schema.TensorMetadata output, String source) {
        for (int i = 0; i < output.associatedFilesLength(); i++) {
            org.tensorflow.lite.support.metadata.schema.AssociatedFile associated = output.associatedFiles(i);
            if (associated.type() == AssociatedFileType.TENSOR_AXIS_LABELS) {
                byte[] labels = AssociatedFiles.read(file, source).get(associated.name());
                if (labels == null) {
                    throw new ModelFormatException(source + ": its metadata names the labels file " + associated.name()
                            + ", which is not packed in the model");
                }
                return Arrays.stream(new String(labels, StandardCharsets.UTF_8).split("\r?\n")).filter(l -> !l.isEmpty()).toList();
            }
        }
        return List.of();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
