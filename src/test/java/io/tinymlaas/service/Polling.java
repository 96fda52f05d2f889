package io.tinymlaas.service;

/** The pause between two looks at another process while waiting for it; short, so a kill lands right after a stage. */
final class Polling {

    private static final long STEP_MILLIS = 100;

    private Polling() {
    }

    static void pause() {
        try {
            Thread.sleep(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
