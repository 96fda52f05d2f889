package io.tinymlaas.train;

import java.nio.file.Path;

/**
 * TensorFlow's native library unpacks about 650 MB on first use. It goes to one cache folder per user, outside
 * target/, so that neither `mvn clean` nor a second checkout unpacks it again.
 */
final class NativeCache {

    private static final String PROPERTY = "org.bytedeco.javacpp.cachedir";

    private NativeCache() {
    }

    static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Path.of(System.getProperty("user.home"), ".cache", "tinymlaas", "javacpp").toString());
        }
    }
}
