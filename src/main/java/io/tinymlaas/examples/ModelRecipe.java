package io.tinymlaas.examples;

import io.tinymlaas.convert.CnnInt8Converter;
import io.tinymlaas.convert.Int8Converter;
import io.tinymlaas.convert.LstmInt8Converter;
import io.tinymlaas.core.Progress;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.Split;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.ConvNetwork;
import io.tinymlaas.train.ConvTrainer;
import io.tinymlaas.train.ConvTrainingConfig;
import io.tinymlaas.train.ConvTrainingResult;
import io.tinymlaas.train.DenseTrainer;
import io.tinymlaas.train.LstmTrainer;
import io.tinymlaas.train.LstmTrainingConfig;
import io.tinymlaas.train.LstmTrainingResult;
import io.tinymlaas.train.TrainedModel;
import io.tinymlaas.train.TrainingConfig;
import io.tinymlaas.train.TrainingResult;

/**
 * How an example turns its data into a float model (train) and that model into an int8 .tflite (convert):
 * the trainer and the converter belong together, since the converter must understand what the trainer made.
 */
public interface ModelRecipe {

    /** Trains on {@code train}, judged on {@code validation}. */
    default TrainedModel train(Split train, Split validation) {
        return train(train, validation, Progress.SILENT);
    }

    /** Like {@link #train(Split, Split)}, counting the epochs on {@code progress}. */
    TrainedModel train(Split train, Split validation, Progress progress);

    /** The seed of the initial weights and of the mini-batch shuffles: with the same data it gives the same model. */
    long seed();

    /** The same recipe, trained from another seed. */
    ModelRecipe withSeed(long seed);

    /**
     * The same kind of model, {@code factor} times as wide in every hidden layer (filters, units, cells), trained the
     * same way from the same seed: a larger float model, such as one a cloud would serve.
     */
    ModelRecipe wider(int factor);

    /** Full-integer quantization, calibrated on {@code representativeInputs} (the training split). */
    TfliteModel convert(TrainedModel trained, float[][] representativeInputs, String description);

    /**
     * A ReLU MLP for regression (mean squared error), per-tensor int8 ({@link DenseTrainer}, {@link Int8Converter},
     * which balances the hidden units by cross-layer equalization where that quantizes better).
     */
    record DenseRegression(TrainingConfig config) implements ModelRecipe {

        @Override
        public long seed() {
            return config.seed();
        }

        @Override
        public DenseRegression withSeed(long seed) {
            return new DenseRegression(config.withSeed(seed));
        }

        @Override
        public DenseRegression wider(int factor) {
            return new DenseRegression(config.wider(factor));
        }

        @Override
        public TrainingResult train(Split train, Split validation, Progress progress) {
            return DenseTrainer.train(train, validation, config, progress);
        }

        @Override
        public TfliteModel convert(TrainedModel trained, float[][] representativeInputs, String description) {
            return Int8Converter.convert(as(TrainingResult.class, trained).network(), representativeInputs, description);
        }
    }

    /**
     * A CNN classifier (softmax cross-entropy) with per-channel int8 convolutions and a softmax output
     * ({@link ConvTrainer}, {@link CnnInt8Converter}). Its int8 input quantization is calibrated on the representative
     * inputs, unless {@code fixedInput} fixes it for a model fed directly by an int8 front end (micro_speech's features).
     */
    record ConvClassifier(ConvTrainingConfig config, FixedInput fixedInput) implements ModelRecipe {

        /** The int8 input quantization an upstream front end already produces. */
        public record FixedInput(float scale, int zeroPoint) {
        }

        /** A classifier whose input quantization is calibrated. */
        public ConvClassifier(ConvTrainingConfig config) {
            this(config, null);
        }

        @Override
        public long seed() {
            return config.seed();
        }

        @Override
        public ConvClassifier withSeed(long seed) {
            return new ConvClassifier(config.withSeed(seed), fixedInput);
        }

        @Override
        public ConvClassifier wider(int factor) {
            return new ConvClassifier(config.wider(factor), fixedInput);
        }

        @Override
        public ConvTrainingResult train(Split train, Split validation, Progress progress) {
            return ConvTrainer.train(train, validation, config, progress);
        }

        @Override
        public TfliteModel convert(TrainedModel trained, float[][] representativeInputs, String description) {
            ConvNetwork network = as(ConvTrainingResult.class, trained).network();
            return fixedInput == null ? CnnInt8Converter.convert(network, representativeInputs, description)
                    : CnnInt8Converter.convert(network, representativeInputs,
                    Quantization.perTensor(fixedInput.scale(), fixedInput.zeroPoint()), description);
        }
    }

    /**
     * An LSTM sequence classifier (softmax cross-entropy) converted to TF Lite's int8 UNIDIRECTIONAL_SEQUENCE_LSTM
     * ({@link LstmTrainer}, {@link LstmInt8Converter}).
     */
    record LstmClassifier(LstmTrainingConfig config) implements ModelRecipe {

        @Override
        public long seed() {
            return config.seed();
        }

        @Override
        public LstmClassifier withSeed(long seed) {
            return new LstmClassifier(config.withSeed(seed));
        }

        @Override
        public LstmClassifier wider(int factor) {
            return new LstmClassifier(config.wider(factor));
        }

        @Override
        public LstmTrainingResult train(Split train, Split validation, Progress progress) {
            return LstmTrainer.train(train, validation, config, progress);
        }

        @Override
        public TfliteModel convert(TrainedModel trained, float[][] representativeInputs, String description) {
            return LstmInt8Converter.convert(as(LstmTrainingResult.class, trained).network(), representativeInputs, description);
        }
    }

    private static <T extends TrainedModel> T as(Class<T> type, TrainedModel trained) {
        if (!type.isInstance(trained)) {
            throw new TinymlException("this converter takes a " + type.getSimpleName() + ", not a "
                    + trained.getClass().getSimpleName());
        }
        return type.cast(trained);
    }
}
