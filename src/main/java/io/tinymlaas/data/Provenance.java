package io.tinymlaas.data;

/** Where a data set comes from and under which licence it may be used, as its manifest states them. */
public record Provenance(String source, String licence) {

    public static final Provenance UNDECLARED = new Provenance("not declared", "not declared");

    /** Data this project makes itself from a seed: no third-party recordings, so no third-party licence applies. */
    public static Provenance synthesized(String how) {
        return new Provenance("synthesized by TinyMLaaS: " + how,
                "none needed: generated from a seed by this project, no third-party data");
    }
}
