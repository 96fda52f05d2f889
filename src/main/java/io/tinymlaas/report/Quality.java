package io.tinymlaas.report;

/** A model-quality figure on held-out data and its goal; a figure reported without a goal always passes. */
public record Quality(String metric, double value, Goal goal, double bound) {

    public enum Goal { AT_LEAST, AT_MOST, NONE }

    public static Quality atLeast(String metric, double value, double bound) {
        return new Quality(metric, value, Goal.AT_LEAST, bound);
    }

    public static Quality atMost(String metric, double value, double bound) {
        return new Quality(metric, value, Goal.AT_MOST, bound);
    }

    public static Quality report(String metric, double value) {
        return new Quality(metric, value, Goal.NONE, Double.NaN);
    }

    public boolean passed() {
        return switch (goal) {
            case AT_LEAST -> value >= bound;
            case AT_MOST -> value <= bound;
            case NONE -> true;
        };
    }

    @Override
    public String toString() {
        return switch (goal) {
            case AT_LEAST -> String.format("%s %.4f (goal >= %.4f)", metric, value, bound);
            case AT_MOST -> String.format("%s %.4f (goal <= %.4f)", metric, value, bound);
            case NONE -> String.format("%s %.4f", metric, value);
        };
    }
}
