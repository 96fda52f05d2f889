package io.tinymlaas.pipeline;

import io.tinymlaas.TinymlException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The seed examples by name. */
public final class Examples {

    private static final Map<String, Supplier<Example>> ALL = new TreeMap<>(Map.of(
            HelloWorld.NAME, HelloWorld::new,
            MicroSpeech.NAME, MicroSpeech::new,
            PersonDetection.NAME, PersonDetection::new,
            MagicWand.NAME, MagicWand::new,
            MnistLstm.NAME, MnistLstm::new));

    private Examples() {
    }

    public static Example byName(String name) {
        Supplier<Example> example = ALL.get(name);
        if (example == null) {
            throw new TinymlException("unknown example '" + name + "'; known: " + String.join(", ", ALL.keySet()));
        }
        return example.get();
    }
}
