package io.tinymlaas.app;

import io.tinymlaas.core.Progress;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on one line of a terminal (me.tongfei:progressbar): the task's name, a bar, the count and the time
 * left, redrawn every second. Only the innermost open task is drawn (a board's inferences inside a matrix's targets),
 * the outer one again once it ends; a bar is wiped when its task ends and before any other output is printed, so the
 * stage lines stay as they were.
 */
final class TerminalProgress implements Progress {

    private static final int REDRAW_MILLIS = 1000;
    /** Back to the start of the line, and the line wiped: ANSI, which every terminal this runs on understands. */
    private static final String WIPE = "\r\u001b[K";

    private final PrintStream out;
    private final Integer width;
    private final Deque<Object> open = new ArrayDeque<>();

    private TerminalProgress(PrintStream out, Integer width) {
        this.out = out;
        this.width = width;
    }

    /**
     * Bars on standard output, among the stage lines, when this process runs at a terminal; {@link Progress#SILENT}
     * otherwise. Not on standard error: bin/tinyml filters that line by line, which would hold a bar back until a line
     * ends.
     */
    static Progress ifTerminal() {
        return of(System.console() != null, System.out, null);
    }

    /** Bars {@code width} characters wide (null: the terminal's width) on {@code out} when {@code terminal}. */
    static Progress of(boolean terminal, PrintStream out, Integer width) {
        return terminal ? new TerminalProgress(out, width) : SILENT;
    }

    @Override
    public Task start(String what, long total) {
        Object task = new Object();
        synchronized (open) {
            open.push(task);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(what).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS).continuousUpdate()
                .setConsumer(new Line(task)).build();
        return new Task() {
            @Override
            public void step() {
                bar.step();
            }

            /** Wipes the bar here: the library does not when a task ends before its first redraw. */
            @Override
            public void close() {
                bar.close();
                synchronized (open) {
                    if (open.peek() == task) {
                        out.print(WIPE);
                        out.flush();
                    }
                    open.remove(task);
                }
            }
        };
    }

    @Override
    public void aside(Runnable printing) {
        synchronized (open) {
            if (!open.isEmpty()) {
                out.print(WIPE);  // the next redraw brings the bar back, below what was printed
                out.flush();
            }
            printing.run();
        }
    }

    /** One task's bar, drawn on the shared line only while its task is the innermost one open. */
    private final class Line extends ConsoleProgressBarConsumer {

        private final Object task;

        Line(Object task) {
            super(out, width == null ? -1 : width);
            this.task = task;
        }

        @Override
        public void accept(String rendered) {
            synchronized (open) {
                if (open.peek() == task) {
                    super.accept(rendered);
                    out.flush();
                }
            }
        }

        @Override
        public void close() {
            out.flush();  // no new line: the task's end wipes the bar
        }
    }
}
