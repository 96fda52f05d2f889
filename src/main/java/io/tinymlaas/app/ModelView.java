package io.tinymlaas.app;

import io.tinymlaas.registry.RegisteredModel;

/**
 * A registered model as shown: the entry, whether its float model and int8 model files are still as registered
 * ({@code int8File} null until the model is judged), what the int8 file says about its classes and input (null unless the
 * file is there, unchanged), and the entry as JSON.
 */
public record ModelView(RegisteredModel model, FileState modelFile, FileState int8File, ModelInterface int8Interface, String json) {
}
