package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The pan/tilt arithmetic the host predicts the firmware with: aim, rate limit, pulse width, and the stand's memory. */
class PanTiltTest {

    private static final int ZERO = -128;

    /** Scores at the zero point everywhere but {@code cells}, which get {@code value}. */
    private static byte[] scores(int value, int... cells) {
        byte[] s = new byte[PanTilt.CELLS];
        Arrays.fill(s, (byte) ZERO);
        for (int c : cells) {
            s[c] = (byte) value;
        }
        return s;
    }

    @Test
    void aFaceInTheMiddleCellIsStraightAheadAndOneInACornerCellIsAThirdOfTheFieldOfViewOff() {
        assertThat(PanTilt.aim(scores(127, 4), ZERO)).containsExactly(0, 0);
        assertThat(PanTilt.aim(scores(127, 0), ZERO)).containsExactly(-2000, 2000);
        assertThat(PanTilt.aim(scores(127, 8), ZERO)).containsExactly(2000, -2000);
        assertThat(PanTilt.aim(scores(127, 5), ZERO)).containsExactly(2000, 0);
    }

    @Test
    void equalScoresInTwoNeighbouringCellsAimHalfWayBetweenTheirCentres() {
        assertThat(PanTilt.aim(scores(0, 4, 5), ZERO)).containsExactly(1000, 0);
        assertThat(PanTilt.aim(scores(0, 1, 4), ZERO)).containsExactly(0, 1000);
    }

    @Test
    void scoresAllAtTheirZeroAimStraightAhead() {
        assertThat(PanTilt.aim(scores(ZERO), ZERO)).containsExactly(0, 0);
    }

    @Test
    void aPositionAimsLinearlyAcrossTheSixtyDegreeFieldOfView() {
        assertThat(PanTilt.aimAt(0.5, 0.5)).containsExactly(0, 0);
        assertThat(PanTilt.aimAt(0, 0)).containsExactly(-3000, 3000);
        assertThat(PanTilt.aimAt(0.75, 1)).containsExactly(1500, -3000);
    }

    @Test
    void aServoMovesAtMostFourteenPointElevenDegreesPerFrame() {
        assertThat(PanTilt.MAX_STEP_CDEG).isEqualTo(1411);
        assertThat(PanTilt.step(0, 5000)).isEqualTo(1411);
        assertThat(PanTilt.step(0, -5000)).isEqualTo(-1411);
        assertThat(PanTilt.step(1000, 2000)).isEqualTo(2000);
        assertThat(PanTilt.step(-1000, -2411)).isEqualTo(-2411);
    }

    @Test
    void pulsesSpanOneToTwoMillisecondsForMinusToPlusNinetyDegreesAndClampBeyond() {
        assertThat(PanTilt.pulseUs(0)).isEqualTo(1500);
        assertThat(PanTilt.pulseUs(-9000)).isEqualTo(1000);
        assertThat(PanTilt.pulseUs(9000)).isEqualTo(2000);
        assertThat(PanTilt.pulseUs(4500)).isEqualTo(1750);
        assertThat(PanTilt.pulseUs(1411)).isEqualTo(1578);
        assertThat(PanTilt.pulseUs(-12000)).isEqualTo(1000);
        assertThat(PanTilt.pulseUs(12000)).isEqualTo(2000);
    }

    @Test
    void aStandRemembersWhereItPointsAndReachesAFarAimOverSeveralFrames() {
        PanTilt stand = new PanTilt();
        int[] farRightDown = {3000, -3000};
        assertThat(stand.follow(farRightDown)).isEqualTo(new ServoCommand(1411, -1411, 1578, 1422));
        assertThat(stand.follow(farRightDown)).isEqualTo(new ServoCommand(2822, -2822, 1657, 1343));
        assertThat(stand.follow(farRightDown)).isEqualTo(new ServoCommand(3000, -3000, 1667, 1333));
        assertThat(new PanTilt().follow(farRightDown)).as("a new stand starts straight ahead")
                .isEqualTo(new ServoCommand(1411, -1411, 1578, 1422));
    }
}
