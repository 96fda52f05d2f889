package io.tinymlaas.examples;

/**
 * An example that runs in one of two profiles (how much data and training, and the goals): every `mvn verify` the fast
 * one, the nightly build the full one.
 */
abstract class ProfiledExample<P> implements Example {

    private final String name;
    private final P profile;

    ProfiledExample(String name, P profile) {
        this.name = name;
        this.profile = profile;
    }

    /** {@code full} in the nightly build ({@link Examples#fullProfileChosen()}), else {@code fast}. */
    static <P> P chosen(P fast, P full) {
        return Examples.fullProfileChosen() ? full : fast;
    }

    public P profile() {
        return profile;
    }

    @Override
    public String name() {
        return name;
    }
}
