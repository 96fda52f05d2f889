package io.tinymlaas.cli;

import io.tinymlaas.app.DataSets;
import io.tinymlaas.app.DatasetView;
import io.tinymlaas.app.ImportOutcome;
import io.tinymlaas.app.RelabelOutcome;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.data.DatasetManifest.Relabelling;
import io.tinymlaas.data.StoredDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The Data Scientist's view of the stored data sets: versions, manifests, class counts, and relabelling. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Stored data sets: list their versions, show a manifest with its class counts, relabel samples, import your own.",
        subcommands = {DataCommand.ListVersions.class, DataCommand.Show.class, DataCommand.Relabel.class, DataCommand.Collect.class,
                DataCommand.Import.class})
final class DataCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every stored version of every data set.")
    static final class ListVersions implements Callable<Integer> {

        @ParentCommand
        DataCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetStoreOption store;

        @Override
        public Integer call() {
            DataSets datasets = store.data(group.main.tinyml());
            PrintWriter out = spec.commandLine().getOut();
            Map<String, List<DatasetManifest>> versions = datasets.list();
            if (versions.isEmpty()) {
                out.printf("no data sets in %s yet; `tinyml data collect <example>` or a dry-run stores one%n", datasets.root());
                return 0;
            }
            out.printf("%-14s %-12s  %-12s  %-22s %-9s %-24s %s%n", "data set", "version", "parent", "train/validation/test",
                    "relabels", "stored", "labels");
            for (Map.Entry<String, List<DatasetManifest>> dataset : versions.entrySet()) {
                for (DatasetManifest m : dataset.getValue()) {
                    out.printf("%-14s %-12s  %-12s  %-22s %-9d %-24s %s%n", dataset.getKey(), m.version(),
                            m.parent() == null ? "-" : m.parent().version(), perSplit(m.samples()), m.relabelLog().size(),
                            m.storedAt(), m.labelSet().describe());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a version's manifest: source, licence, labels, class counts per split, parent and relabel log.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        DataCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetStoreOption store;

        @Parameters(index = "0", description = "the data set, e.g. magic_wand or sine")
        String name;

        @Option(names = "--version", paramLabel = "<version>",
                description = "the version or a unique start of it (default: the newest)")
        String version;

        @Option(names = "--json", description = "print manifest.json as stored")
        boolean json;

        @Override
        public Integer call() {
            DatasetView shown = store.data(group.main.tinyml()).show(name, version);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(shown.json());
                out.println();
                return 0;
            }
            DatasetManifest m = shown.manifest();
            out.printf("%s version %s%s%n", m.name(), m.version(), version == null && shown.versionsStored() > 1
                    ? " (the newest of " + shown.versionsStored() + " versions, see `tinyml data list`)" : "");
            out.printf("%-14s %s%n", "content", "sha256 " + m.contentSha256());
            out.printf("%-14s %s%n", "source", m.source());
            out.printf("%-14s %s%n", "licence", m.licence());
            out.printf("%-14s %s%n", "recipe", m.recipe());
            out.printf("%-14s %s%n", "labels", m.classes() == null ? m.labels() : m.labelSet().describe() + "; " + m.labels());
            out.printf("%-14s %s train/validation/test, %d inputs and %d targets each%n", "samples", perSplit(m.samples()), m.featuresPerSample(),
                    m.targetsPerSample());
            out.printf("%-14s %s%n", "parent", m.parent() == null ? "none: stored as collected"
                    : m.parent().version() + " (sha256 " + m.parent().contentSha256() + ")");
            out.printf("%-14s %s in %s%n", "stored", m.storedAt(), shown.directory());
            if (m.classCounts() != null) {
                printCounts(out, m);
            }
            out.printf("relabel log: %s%n", m.relabelLog().isEmpty() ? "none" : m.relabelLog().size() + " change(s) since the original");
            for (Relabelling r : m.relabelLog()) {
                out.printf("  %s: %s -> %s on %s by %s at %s%s%n", r.sample(), r.oldLabel(), r.newLabel(), r.onVersion(), r.by(),
                        r.at(), r.note().isEmpty() ? "" : ": " + r.note());
            }
            return 0;
        }

        private static void printCounts(PrintWriter out, DatasetManifest m) {
            int width = Math.max(6, m.classes().stream().mapToInt(String::length).max().orElse(0) + 1);
            StringBuilder header = new StringBuilder(String.format("%-14s", "class counts"));
            m.classes().forEach(c -> header.append(String.format("%" + width + "s", c)));
            out.println(header.append(String.format("%" + width + "s", "total")));
            for (Map.Entry<String, Map<String, Integer>> split : m.classCounts().entrySet()) {
                StringBuilder row = new StringBuilder(String.format("  %-12s", split.getKey()));
                split.getValue().values().forEach(n -> row.append(String.format("%" + width + "d", n)));
                out.println(row.append(String.format("%" + width + "d", m.samples().get(split.getKey()))));
            }
        }
    }

    @Command(name = "relabel", mixinStandardHelpOptions = true,
            description = {"Gives one sample (--sample, --label) or many (--from) a new class. The result is one new version whose "
                    + "manifest names its parent and logs the changes; the version relabelled stays as it was.",
                    "--from takes lines <split/index>,<class>, e.g. an edited copy of the version's labels.csv: samples whose "
                            + "class stays the same are passed over.",
                    "An unknown data set, version, sample or class is refused with one line and exit code 2; nothing is stored."})
    static final class Relabel implements Callable<Integer> {

        @ParentCommand
        DataCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetStoreOption store;

        @Parameters(index = "0", description = "the data set, e.g. magic_wand")
        String name;

        @Option(names = "--version", required = true, paramLabel = "<version>",
                description = "the version to relabel, or a unique start of it (`tinyml data list`)")
        String version;

        @Option(names = "--sample", paramLabel = "<split/index>", description = "the sample, e.g. train/17")
        String sample;

        @Option(names = "--label", paramLabel = "<class>", description = "its new class, e.g. ring")
        String label;

        @Option(names = "--from", paramLabel = "<file.csv>", description = "many samples' new classes, one <split/index>,<class> per line")
        Path changes;

        @Option(names = "--note", defaultValue = "", paramLabel = "<text>", description = "who asks and why, kept in the relabel log")
        String note;

        @Override
        public Integer call() {
            DataSets datasets = store.data(group.main.tinyml());
            PrintWriter out = spec.commandLine().getOut();
            boolean single = sample != null || label != null;
            if (single == (changes != null) || single && (sample == null || label == null)) {
                throw new TinymlException("give either --sample and --label, or --from <file.csv>");
            }
            if (changes != null) {
                RelabelOutcome outcome = datasets.relabel(name, version, changes, note);
                out.printf("%s: %d sample(s) relabelled from %s%n", name, outcome.changes().size(), changes);
                printNewVersion(out, outcome);
                return 0;
            }
            RelabelOutcome outcome = datasets.relabel(name, version, sample, label, note);
            if (outcome.equalsAnotherVersion()) {
                out.printf("%s %s: relabelled to '%s', the data equals version %s, already stored; %s is unchanged%n", name,
                        sample, label, outcome.after().version(), outcome.before().version());
                return 0;
            }
            Relabelling change = outcome.changes().get(0);
            out.printf("%s %s: %s -> %s%n", name, change.sample(), change.oldLabel(), change.newLabel());
            printNewVersion(out, outcome);
            return 0;
        }

        /**
         * The version the relabelling gave (relabelling the same way twice gives the version stored the first time) and
         * the class counts of each split it changed.
         */
        private static void printNewVersion(PrintWriter out, RelabelOutcome outcome) {
            DatasetManifest m = outcome.after();
            DatasetManifest base = outcome.before();
            out.printf("%s %s (sha256 %s), parent %s, which is unchanged%n", outcome.madeBefore()
                    ? "the same relabelling was made before: version" : "new version", m.version(), m.contentSha256(), base.version());
            for (String split : outcome.splits()) {
                out.printf("class counts of %s: %s (was %s)%n", split, counts(m.classCounts().get(split)),
                        counts(base.classCounts().get(split)));
            }
        }

        private static String counts(Map<String, Integer> counts) {
            return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Collects an example's data set and stores it as a version (the dry-run's collect stage alone).")
    static final class Collect implements Callable<Integer> {

        @ParentCommand
        DataCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetStoreOption store;

        @Parameters(index = "0", description = "the example, e.g. magic_wand")
        String example;

        @Override
        public Integer call() {
            StoredDataset stored = store.data(group.main.tinyml()).collect(example);
            spec.commandLine().getOut().printf("%s version %s: %s, %s; %s%n", stored.dataset().name(), stored.version(),
                    perSplit(stored.manifest().samples()), stored.manifest().labelSet().describe(), stored.directory());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports your own recordings or pictures as a version of an example's data set, trainable with "
                    + "`tinyml dry-run <example> --data <version>`.",
                    "<from> is a folder with one sub-folder per class (its name is the class), or a CSV file of file,label lines "
                            + "(paths relative to the CSV). micro_speech: WAV of any rate, channels and length, made 16 kHz mono "
                            + "1-s clips (a longer recording gives its loudest second, or with --split-long a clip per second; "
                            + "a shorter one is padded). person_detection (96x96) and mnist_lstm (28x28, light pictures "
                            + "inverted): PNG, JPEG, BMP, GIF or PGM, made grayscale, centre-cropped and scaled.",
                    "A file that cannot be converted is named with its reason and nothing is stored."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        DataCommand group;

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetStoreOption store;

        @Parameters(index = "0", description = "micro_speech, person_detection or mnist_lstm")
        String example;

        @Parameters(index = "1", paramLabel = "<from>", description = "a folder with a sub-folder per class, or a CSV of file,label")
        Path from;

        @Option(names = "--source", required = true, description = "where the data comes from (who recorded it, how), for the manifest")
        String source;

        @Option(names = "--licence", required = true, description = "under which licence it may be used, for the manifest")
        String licence;

        @Option(names = "--split-long", description = "cut a WAV longer than 1 s into a clip per second instead of keeping its loudest second")
        boolean splitLong;

        @Override
        public Integer call() {
            ImportOutcome outcome = store.data(group.main.tinyml()).importFolder(example, from, source, licence, splitLong);
            StoredDataset stored = outcome.stored();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s version %s%s: %d files of %d classes %s; samples train/validation/test %s%n", stored.dataset().name(),
                    stored.version(), outcome.alreadyStored() ? " (already stored: the same content was imported before)" : "",
                    outcome.files().size(), outcome.filesPerClass().size(), outcome.filesPerClass(), perSplit(stored.manifest().samples()));
            stored.manifest().classCounts().forEach((split, counts) -> out.printf("  %-10s %s%n", split, counts));
            outcome.files().forEach(file -> out.printf("  %s%n", file));
            out.printf("stored in %s; train on it: tinyml dry-run %s --data %s%n", stored.directory(), example, stored.version());
            return 0;
        }
    }

    /** "1200/160/240": samples in train, validation and test. */
    private static String perSplit(Map<String, Integer> samples) {
        return String.join("/", Dataset.SPLITS.stream().map(split -> String.valueOf(samples.get(split))).toList());
    }
}
