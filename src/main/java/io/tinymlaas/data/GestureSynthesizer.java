package io.tinymlaas.data;

import java.util.Random;

/**
 * The magic_wand data: 3-axis accelerometer windows (25 Hz, 128 samples, in units of g) synthesized from
 * parametric strokes, since no accelerometer data set exists offline.
 * <p>
 * A gesture is drawn in the vertical plane in front of the user: wing (a W), ring (a clockwise circle) and slope
 * (a diagonal down to the left, then a horizontal line to the right). Each stroke moves between its corners with
 * a minimum-jerk profile, so velocity and acceleration stay continuous, as a hand's do. Per window, at random:
 * duration (speed) and the share of each segment (rhythm), size, corner jitter, in-plane rotation, start time within
 * the window, hand tremor, the orientation of the sensor in the hand (a 3-D rotation of up to
 * {@value #MAX_TILT_DEGREES}°, which also turns gravity), a per-axis sensor bias and white sensor noise.
 * Negative windows are idle hands, slow random wobbles and random 3-D scribbles.
 * <p>
 * The sensor reads specific force, acceleration minus gravity, in its own frame: at rest it reads +1 g upwards.
 * Inputs are flattened time-major: {@code x[t * 3 + axis]}, matching an NHWC tensor [1, 128, 3, 1].
 * Targets are one-hot over {@link Gesture}. Everything follows from the seed.
 */
public final class GestureSynthesizer {

    public static final int SAMPLE_RATE_HZ = 25;
    public static final int WINDOW = 128;
    public static final int AXES = 3;
    static final double MAX_TILT_DEGREES = 30;
    private static final double G = 9.80665;
    /** Time step of the finite differences that turn positions into accelerations, in seconds. */
    private static final double H = 0.004;

    private static final double[][] WING = {{-1, 1}, {-0.5, -1}, {0, 0.4}, {0.5, -1}, {1, 1}};
    private static final double[][] SLOPE = {{0.6, 1}, {-0.6, -0.6}, {0.9, -0.6}};

    private GestureSynthesizer() {
    }

    /** A class-balanced data set, classes interleaved, with the given number of windows per class in each split. */
    public static Dataset generate(int trainPerClass, int validationPerClass, int testPerClass, long seed) {
        Random random = new Random(seed);
        Split train = split(trainPerClass, random);
        Split validation = split(validationPerClass, random);
        Split test = split(testPerClass, random);
        String recipe = String.format("magic_wand gestures synthesized from parametric strokes (wing, ring, slope, negative): "
                + "%d Hz, %d samples x %d axes in g, minimum-jerk strokes, random speed/size/rotation (tilt <= %.0f deg)/start, "
                + "tremor, gravity, sensor bias and noise; %d/%d/%d windows per class (train/validation/test), seed %d",
                SAMPLE_RATE_HZ, WINDOW, AXES, MAX_TILT_DEGREES, trainPerClass, validationPerClass, testPerClass, seed);
        Provenance provenance = Provenance.synthesized("accelerometer windows from parametric gesture strokes "
                + "(io.tinymlaas.data.GestureSynthesizer); the original magic_wand recordings are not available offline");
        return new Dataset("magic_wand", recipe, provenance,
                Labels.classes(java.util.Arrays.stream(Gesture.values()).map(Gesture::label).toList()), train, validation, test);
    }

    static Split split(int perClass, Random random) {
        Gesture[] classes = Gesture.values();
        int n = perClass * classes.length;
        float[][] inputs = new float[n][];
        float[][] targets = new float[n][];
        for (int i = 0; i < n; i++) {
            Gesture gesture = classes[i % classes.length];
            inputs[i] = window(gesture, random);
            targets[i] = gesture.oneHot();
        }
        return new Split(inputs, targets);
    }

    /** One window of the gesture: {@code WINDOW * AXES} readings in g, time-major. */
    public static float[] window(Gesture gesture, Random random) {
        Motion motion = switch (gesture) {
            case WING -> stroke(polyline(jitter(WING, 0.12, random), random), 1.4, 2.6, random);
            case RING -> stroke(ring(random), 1.2, 2.2, random);
            case SLOPE -> stroke(polyline(jitter(SLOPE, 0.12, random), random), 1.0, 2.0, random);
            case NEGATIVE -> negative(random);
        };
        double[][] rotation = rotation(random, Math.toRadians(MAX_TILT_DEGREES));
        double[][] tremor = new double[AXES][6];
        for (double[] axis : tremor) {
            axis[0] = random.nextDouble() * 0.25;             // amplitude, m/s²
            axis[1] = 3 + random.nextDouble() * 5;            // frequency, Hz
            axis[2] = random.nextDouble() * 2 * Math.PI;      // phase
            axis[3] = random.nextDouble() * 0.15;
            axis[4] = 3 + random.nextDouble() * 5;
            axis[5] = random.nextDouble() * 2 * Math.PI;
        }
        double noise = 0.01 + random.nextDouble() * 0.02;     // g
        double[] bias = {random.nextGaussian() * 0.01, random.nextGaussian() * 0.01, random.nextGaussian() * 0.01};

        float[] window = new float[WINDOW * AXES];
        for (int k = 0; k < WINDOW; k++) {
            double t = k / (double) SAMPLE_RATE_HZ;
            double[] before = motion.position(t - H);
            double[] at = motion.position(t);
            double[] after = motion.position(t + H);
            double[] force = new double[AXES];
            for (int a = 0; a < AXES; a++) {
                double acceleration = (after[a] - 2 * at[a] + before[a]) / (H * H);
                acceleration += tremor[a][0] * Math.sin(2 * Math.PI * tremor[a][1] * t + tremor[a][2])
                        + tremor[a][3] * Math.sin(2 * Math.PI * tremor[a][4] * t + tremor[a][5]);
                force[a] = acceleration + (a == 2 ? G : 0);   // world z is up: at rest the sensor reads +1 g
            }
            for (int s = 0; s < AXES; s++) {
                // sensor axis s in world coordinates is column s of the rotation: reading = R^T f
                double reading = rotation[0][s] * force[0] + rotation[1][s] * force[1] + rotation[2][s] * force[2];
                window[k * AXES + s] = (float) (reading / G + bias[s] + noise * random.nextGaussian());
            }
        }
        return window;
    }

    /** A position in world coordinates (x right, y away from the user, z up), in metres, at time t in seconds. */
    @FunctionalInterface
    interface Motion {
        double[] position(double t);
    }

    /** A shape over normalized time u in [0, 1], in the drawing plane, in units of its half-size. */
    @FunctionalInterface
    interface Shape {
        double[] at(double u);
    }

    /** The shape drawn in the vertical plane at a random size, rotation, duration and start within the window. */
    private static Motion stroke(Shape shape, double minSeconds, double maxSeconds, Random random) {
        double size = 0.08 + random.nextDouble() * 0.14;      // half-size, m
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 15);
        double duration = minSeconds + random.nextDouble() * (maxSeconds - minSeconds);
        double windowSeconds = WINDOW / (double) SAMPLE_RATE_HZ;
        double start = 0.2 + random.nextDouble() * Math.max(0, windowSeconds - duration - 0.4);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return t -> {
            double u = Math.max(0, Math.min(1, (t - start) / duration));
            double[] p = shape.at(u);
            return new double[] {size * (p[0] * cos - p[1] * sin), 0, size * (p[0] * sin + p[1] * cos)};
        };
    }

    /** Corner to corner, each segment with a minimum-jerk profile and a random share of the time. */
    private static Shape polyline(double[][] corners, Random random) {
        int segments = corners.length - 1;
        double[] bounds = new double[segments + 1];
        for (int s = 0; s < segments; s++) {
            double length = Math.hypot(corners[s + 1][0] - corners[s][0], corners[s + 1][1] - corners[s][1]);
            bounds[s + 1] = bounds[s] + Math.sqrt(length) * (0.8 + random.nextDouble() * 0.45);
        }
        for (int s = 1; s <= segments; s++) {
            bounds[s] /= bounds[segments];
        }
        return u -> {
            int s = 0;
            while (s < segments - 1 && u > bounds[s + 1]) {
                s++;
            }
            double tau = (u - bounds[s]) / (bounds[s + 1] - bounds[s]);
            double m = minimumJerk(Math.max(0, Math.min(1, tau)));
            return new double[] {corners[s][0] + (corners[s + 1][0] - corners[s][0]) * m,
                    corners[s][1] + (corners[s + 1][1] - corners[s][1]) * m};
        };
    }

    /** Clockwise from the top, a full turn or a little more, slightly elliptical. */
    private static Shape ring(Random random) {
        double turns = 1.0 + random.nextDouble() * 0.15;
        double aspect = 0.8 + random.nextDouble() * 0.4;
        double start = Math.PI / 2 + (random.nextDouble() * 2 - 1) * 0.5;
        return u -> {
            double theta = start - 2 * Math.PI * turns * minimumJerk(u);
            return new double[] {aspect * Math.cos(theta), Math.sin(theta)};
        };
    }

    private static Motion negative(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> t -> new double[3];                     // idle: only tremor, gravity and noise
            case 1 -> wobble(random);
            default -> scribble(random);
        };
    }

    /** Slow random motion: three sinusoids per axis of up to 0.3 g each. */
    private static Motion wobble(Random random) {
        double[][] terms = new double[AXES * 3][4];
        for (int i = 0; i < terms.length; i++) {
            double frequency = 0.3 + random.nextDouble() * 1.2;
            double w = 2 * Math.PI * frequency;
            terms[i] = new double[] {i / 3, random.nextDouble() * 0.3 * G / (w * w), w, random.nextDouble() * 2 * Math.PI};
        }
        return t -> {
            double[] p = new double[AXES];
            for (double[] term : terms) {
                p[(int) term[0]] += term[1] * Math.sin(term[2] * t + term[3]);
            }
            return p;
        };
    }

    /** A random 3-D polyline of 3 to 6 segments, drawn like a stroke. */
    private static Motion scribble(Random random) {
        int corners = 4 + random.nextInt(4);
        double[][] points = new double[corners][3];
        for (double[] point : points) {
            for (int a = 0; a < 3; a++) {
                point[a] = random.nextDouble() * 2 - 1;
            }
        }
        double size = 0.05 + random.nextDouble() * 0.15;
        double duration = 1.0 + random.nextDouble() * 2.5;
        double windowSeconds = WINDOW / (double) SAMPLE_RATE_HZ;
        double start = random.nextDouble() * Math.max(0, windowSeconds - duration);
        double[] bounds = new double[corners];
        for (int s = 1; s < corners; s++) {
            bounds[s] = bounds[s - 1] + 0.5 + random.nextDouble();
        }
        for (int s = 1; s < corners; s++) {
            bounds[s] /= bounds[corners - 1];
        }
        return t -> {
            double u = Math.max(0, Math.min(1, (t - start) / duration));
            int s = 0;
            while (s < corners - 2 && u > bounds[s + 1]) {
                s++;
            }
            double m = minimumJerk(Math.max(0, Math.min(1, (u - bounds[s]) / (bounds[s + 1] - bounds[s]))));
            double[] p = new double[3];
            for (int a = 0; a < 3; a++) {
                p[a] = size * (points[s][a] + (points[s + 1][a] - points[s][a]) * m);
            }
            return p;
        };
    }

    private static double[][] jitter(double[][] corners, double amount, Random random) {
        double[][] result = new double[corners.length][];
        for (int i = 0; i < corners.length; i++) {
            result[i] = new double[] {corners[i][0] + (random.nextDouble() * 2 - 1) * amount,
                    corners[i][1] + (random.nextDouble() * 2 - 1) * amount};
        }
        return result;
    }

    /** 10τ³ − 15τ⁴ + 6τ⁵: from 0 to 1 with zero velocity and acceleration at both ends. */
    static double minimumJerk(double tau) {
        return tau * tau * tau * (10 + tau * (-15 + 6 * tau));
    }

    /** A rotation (sensor to world) about a uniformly random axis by an angle uniform in [0, maxAngle]. */
    static double[][] rotation(Random random, double maxAngle) {
        double x = random.nextGaussian();
        double y = random.nextGaussian();
        double z = random.nextGaussian();
        double norm = Math.sqrt(x * x + y * y + z * z);
        x /= norm;
        y /= norm;
        z /= norm;
        double angle = random.nextDouble() * maxAngle;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[][] {
                {t * x * x + c, t * x * y - s * z, t * x * z + s * y},
                {t * x * y + s * z, t * y * y + c, t * y * z - s * x},
                {t * x * z - s * y, t * y * z + s * x, t * z * z + c}};
    }
}
