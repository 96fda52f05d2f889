package io.tinymlaas.core;

import java.util.Collection;
import java.util.List;

/** Finds the name a user meant, given whole (or, for hashes and ids, as a unique prefix), or says which names there are. */
public final class Lookup {

    private Lookup() {
    }

    /** The name given, if it is known. */
    public static String exact(String given, Collection<String> known, String what, String where) {
        if (known.contains(given)) {
            return given;
        }
        throw unknown(given, known, what, where);
    }

    /**
     * The name given, or the one known name that starts with it.
     *
     * @param what  what is looked up, for the message ("version of magic_wand")
     * @param where where the names come from, for the message ("in target/tinyml/datasets")
     */
    public static String unique(String given, Collection<String> known, String what, String where) {
        if (known.contains(given)) {
            return given;
        }
        List<String> matches = given.isEmpty() ? List.of() : known.stream().filter(name -> name.startsWith(given)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw unknown(given, known, what, where);
        }
        throw new TinymlException(what + " '" + given + "' " + where + " is ambiguous: it starts " + String.join(", ", matches)
                + "; give more characters");
    }

    private static NotFoundException unknown(String given, Collection<String> known, String what, String where) {
        return new NotFoundException("no " + what + " '" + given + "' " + where + "; "
                + (known.isEmpty() ? "none stored yet" : "known: " + String.join(", ", known)));
    }
}
