package io.tinymlaas.examples;

import io.tinymlaas.core.TinymlException;
import java.util.List;
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

    /** Each example in the profile every `mvn verify` trains, whatever profile this build asks for. */
    private static final Map<String, Supplier<Example>> FAST = new TreeMap<>(Map.of(
            HelloWorld.NAME, HelloWorld::new,
            MicroSpeech.NAME, () -> new MicroSpeech(MicroSpeech.FAST),
            PersonDetection.NAME, () -> new PersonDetection(PersonDetection.FAST),
            MagicWand.NAME, () -> new MagicWand(MagicWand.FAST),
            MnistLstm.NAME, () -> new MnistLstm(MnistLstm.FAST)));

    private Examples() {
    }

    /** The names of every seed example, in alphabetical order. */
    /** True in the nightly build (system property {@code tinyml.profile} = "full"): full-size data, training and goals. */
    public static boolean fullProfileChosen() {
        return "full".equals(System.getProperty("tinyml.profile"));
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The example in its fast profile, the one `mvn verify` gates on. */
    public static Example fastProfile(String name) {
        byName(name);
        return FAST.get(name).get();
    }

    public static Example byName(String name) {
        Supplier<Example> example = ALL.get(name);
        if (example == null) {
            throw new TinymlException("unknown example '" + name + "'; known: " + String.join(", ", ALL.keySet()));
        }
        return example.get();
    }
}
