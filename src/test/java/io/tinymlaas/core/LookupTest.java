package io.tinymlaas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LookupTest {

    private static final List<String> VERSIONS = List.of("41d4f1d9e0ca", "41d7aa00b2c1", "f0b97f43d412");

    @Test
    void aUniqueStartFindsItsNameAndAnAmbiguousOneListsTheCandidates() {
        assertThat(Lookup.unique("f0", VERSIONS, "version", "of magic_wand")).isEqualTo("f0b97f43d412");
        assertThat(Lookup.unique("41d4", VERSIONS, "version", "of magic_wand")).isEqualTo("41d4f1d9e0ca");
        assertThatThrownBy(() -> Lookup.unique("41d", VERSIONS, "version", "of magic_wand")).isInstanceOf(TinymlException.class)
                .hasMessage("version '41d' of magic_wand is ambiguous: it starts 41d4f1d9e0ca, 41d7aa00b2c1; give more characters");
        assertThatThrownBy(() -> Lookup.unique("", VERSIONS, "version", "of magic_wand"))
                .hasMessage("no version '' of magic_wand; known: 41d4f1d9e0ca, 41d7aa00b2c1, f0b97f43d412");
    }

    @Test
    void anExactLookupTakesNoPrefix() {
        List<String> names = List.of("magic_wand", "sine");
        assertThat(Lookup.exact("sine", names, "data set", "in /store")).isEqualTo("sine");
        assertThatThrownBy(() -> Lookup.exact("magic", names, "data set", "in /store"))
                .hasMessage("no data set 'magic' in /store; known: magic_wand, sine");
    }
}
