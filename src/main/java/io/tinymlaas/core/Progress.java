package io.tinymlaas.core;

/**
 * How far long work has got (training epochs, inferences on a board, the cells of a matrix), for a person waiting at a
 * terminal. The engine only counts; a door decides whether anything is shown, so tests, CI logs and the service stay
 * as they were ({@link #SILENT}).
 */
public interface Progress {

    /** Shows nothing. */
    Progress SILENT = (what, total) -> Task.UNSEEN;

    /** Starts counting {@code total} steps of {@code what} ("epochs", "inferences on wio_terminal"); close it when done. */
    Task start(String what, long total);

    /**
     * Runs {@code printing}, which writes a line of output, with any progress shown on the same screen out of its way.
     * A task started inside another hides the outer one until it ends.
     */
    default void aside(Runnable printing) {
        printing.run();
    }

    /** One counted piece of work; closing it ends it, however far it got. */
    interface Task extends AutoCloseable {

        /** Counts without showing anything. */
        Task UNSEEN = new Task() {
            @Override
            public void step() {
            }

            @Override
            public void close() {
            }
        };

        /** One more step is done. */
        void step();

        @Override
        void close();
    }
}
