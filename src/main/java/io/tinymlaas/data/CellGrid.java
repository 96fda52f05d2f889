package io.tinymlaas.data;

/**
 * A frame cut into 3 × 3 cells, row-major from the top left: a face position (x, y in fractions of the frame, y down)
 * as weights over the cells' centres, and back. A position between centres is shared between the neighbouring cells in
 * proportion to its distance from each (bilinear), so the weighted mean of the centres gives the position back exactly
 * inside the centres' square and a model trained to output the weights can say where the face is, not only in which
 * cell.
 */
public final class CellGrid {

    public static final int SIDE = 3;
    public static final int CELLS = SIDE * SIDE;

    private CellGrid() {
    }

    /** The centre of column (or row) {@code k}, as a fraction of the frame: 1/6, 1/2, 5/6. */
    public static double centre(int k) {
        return (2 * k + 1) / (2.0 * SIDE);
    }

    /** The nine weights of a position; they sum to 1. A position beyond the outer centres goes to the outer cells. */
    public static float[] weights(double x, double y) {
        double[] wx = axis(x);
        double[] wy = axis(y);
        float[] w = new float[CELLS];
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                w[row * SIDE + column] = (float) (wy[row] * wx[column]);
            }
        }
        return w;
    }

    /** The weighted mean of the cells' centres: {x, y}; weights of zero sum give the frame's centre. */
    public static double[] position(float[] weights) {
        double sum = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < CELLS; i++) {
            sum += weights[i];
            x += weights[i] * centre(i % SIDE);
            y += weights[i] * centre(i / SIDE);
        }
        return sum > 0 ? new double[] {x / sum, y / sum} : new double[] {0.5, 0.5};
    }

    private static double[] axis(double value) {
        double cells = Math.max(0, Math.min(SIDE - 1, value * SIDE - 0.5));
        int low = Math.min((int) cells, SIDE - 2);
        double high = cells - low;
        double[] w = new double[SIDE];
        w[low] = 1 - high;
        w[low + 1] = high;
        return w;
    }
}
