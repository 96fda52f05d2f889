package io.tinymlaas.data.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.audio.SpeechCommands.Clip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCommandsTest {

    @Test
    void theSameSeedGivesTheSameClipsAndASecondRunTakesEveryWordFromTheCache(@TempDir Path cache) {
        SpeechSynthesizer cold = new SpeechSynthesizer(cache);
        List<Clip> first = new SpeechCommands(cold).clips(2, SpeechCommands.TEST_SPEAKERS, new Random(9));
        SpeechSynthesizer warm = new SpeechSynthesizer(cache);
        List<Clip> second = new SpeechCommands(warm).clips(2, SpeechCommands.TEST_SPEAKERS, new Random(9));
        assertThat(cold.synthesized()).isBetween(1, 6);
        assertThat(warm.synthesized()).isZero();
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).audio()).isEqualTo(first.get(i).audio());
            assertThat(second.get(i).description()).isEqualTo(first.get(i).description());
        }
    }

    @Test
    void clipsAreOneSecondClassesInterleavedAndOnlySilenceHasNoSpeaker(@TempDir Path cache) {
        List<Clip> clips = new SpeechCommands(new SpeechSynthesizer(cache)).clips(2, SpeechCommands.TEST_SPEAKERS, new Random(1));
        assertThat(clips).hasSize(8).allSatisfy(clip -> assertThat(clip.audio()).hasSize(SpeechCommands.CLIP_SAMPLES));
        assertThat(clips).extracting(Clip::label).containsExactly(Keyword.SILENCE, Keyword.UNKNOWN, Keyword.YES, Keyword.NO,
                Keyword.SILENCE, Keyword.UNKNOWN, Keyword.YES, Keyword.NO);
        assertThat(clips).allSatisfy(clip -> assertThat(clip.speaker().isEmpty()).isEqualTo(clip.label() == Keyword.SILENCE));
        assertThat(clips.get(2).description()).startsWith("'yes' by ");
        short peak = 0;
        for (short s : clips.get(2).audio()) {
            peak = (short) Math.max(peak, Math.abs(s));
        }
        assertThat(peak).as("the spoken word is in the clip").isGreaterThan((short) 500);
    }

    @Test
    void trainingValidationAndTestVoicesAreDisjoint() {
        List<Voice> train = SpeechCommands.TRAIN_SPEAKERS.voices();
        List<Voice> validation = SpeechCommands.VALIDATION_SPEAKERS.voices();
        List<Voice> test = SpeechCommands.TEST_SPEAKERS.voices();
        assertThat(validation).doesNotContainAnyElementsOf(train);
        assertThat(test).doesNotContainAnyElementsOf(train).doesNotContainAnyElementsOf(validation);
        List<String> variants = new ArrayList<>(SpeechCommands.TRAIN_SPEAKERS.espeakVariants());
        assertThat(variants).doesNotContainAnyElementsOf(SpeechCommands.TEST_SPEAKERS.espeakVariants());
    }

    @Test
    void aVoiceTheEngineDoesNotKnowIsRefusedInsteadOfFallingBackToItsDefault(@TempDir Path cache) {
        assertThatThrownBy(() -> new SpeechSynthesizer(cache).say("yes", Voice.flite("no_such_voice"), 170, 50))
                .isInstanceOf(TinymlException.class).hasMessageContaining("flite has no voice 'no_such_voice'");
        assertThatThrownBy(() -> new SpeechSynthesizer(cache).say("yes", Voice.espeak("en-us", "m99"), 170, 50))
                .isInstanceOf(TinymlException.class).hasMessageContaining("espeak-ng has no voice 'm99'");
    }

    @Test
    void everySpeakerOfEverySplitIsKnownToItsEngine(@TempDir Path cache) {
        SpeechSynthesizer synthesizer = new SpeechSynthesizer(cache);
        for (SpeechCommands.Speakers speakers : List.of(SpeechCommands.TRAIN_SPEAKERS, SpeechCommands.VALIDATION_SPEAKERS,
                SpeechCommands.TEST_SPEAKERS)) {
            speakers.voices().forEach(synthesizer::check);
        }
    }

    @Test
    void wavFilesRoundTripAndOtherFormatsAreRefusedByName(@TempDir Path dir) {
        short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE};
        Path file = dir.resolve("a.wav");
        Wav.write(file, samples, 16_000);
        assertThat(Wav.read(file, 16_000)).containsExactly(samples);
        assertThatThrownBy(() -> Wav.read(file, 22_050)).isInstanceOf(TinymlException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("16000 Hz; expected PCM (1), mono, 16 bit, 22050 Hz");
    }
}
