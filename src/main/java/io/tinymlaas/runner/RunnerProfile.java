package io.tinymlaas.runner;

/** What "profile" answers: the firmware's benchmark version and the model it runs. */
public record RunnerProfile(String profile, String model) {
}
