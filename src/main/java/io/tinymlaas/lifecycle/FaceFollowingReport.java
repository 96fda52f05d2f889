package io.tinymlaas.lifecycle;

import static io.tinymlaas.report.Html.escape;

import io.tinymlaas.data.FaceFrames;
import io.tinymlaas.device.firmware.PanTilt;
import io.tinymlaas.device.firmware.ServoCommand;
import io.tinymlaas.lifecycle.FaceFollowingDemo.Followed;
import io.tinymlaas.report.Charts;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.StageResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The face-following demo as files: face-following.html with the path the face took and the path the servos took (as
 * pan/tilt angles), both angles frame by frame against the ideal stand's, and a table of every frame; and
 * face-following.json with the same figures.
 */
public final class FaceFollowingReport {

    public static final String HTML = "face-following.html";
    public static final String JSON = "face-following.json";
    private static final String FACE = "#5470c6";
    private static final String SERVOS = "#91cc75";
    private static final String PAN = "#5470c6";
    private static final String TILT = "#ee6666";

    private FaceFollowingReport() {
    }

    /** Writes both files into {@code directory}; returns the HTML file. */
    public static Path write(Followed followed, Path directory) {
        ReportWriter.writeJson(figures(followed), directory.resolve(JSON));
        ReportWriter.writeText(html(followed), directory.resolve(HTML));
        return directory.resolve(HTML);
    }

    static Map<String, Object> figures(Followed f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("board", f.board());
        json.put("passed", f.passed());
        json.put("tolerance_degrees", FaceFollowingDemo.TOLERANCE_DEGREES);
        json.put("max_error_degrees", f.maxErrorDegrees());
        json.put("mean_error_degrees", f.meanErrorDegrees());
        json.put("commands_as_predicted", f.commandsAsPredicted());
        json.put("scores_bit_identical", f.scores().bitIdentical());
        json.put("instructions_per_frame", f.instructionsPerFrame());
        json.put("flash_bytes", f.run().size().flashBytes());
        json.put("ram_bytes", f.run().size().ramBytes());
        json.put("model_quality", f.modelQuality().stream().map(Object::toString).toList());
        json.put("servo", Map.of("field_of_view_degrees", PanTilt.FIELD_OF_VIEW_CDEG / 100.0, "frame_ms", PanTilt.FRAME_MS,
                "ms_per_60_degrees", PanTilt.MS_PER_60_DEGREES, "max_step_degrees", PanTilt.MAX_STEP_CDEG / 100.0,
                "period_us", PanTilt.PERIOD_US, "pulse_us", List.of(PanTilt.MIN_PULSE_US, PanTilt.MAX_PULSE_US)));
        List<Map<String, Object>> frames = new ArrayList<>();
        List<Double> errors = f.errorsDegrees();
        for (int i = 0; i < f.frames().size(); i++) {
            ServoCommand c = f.commands().get(i);
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("face", List.of(f.frames().get(i).x(), f.frames().get(i).y()));
            frame.put("found", List.of(f.found().get(i)[0], f.found().get(i)[1]));
            frame.put("pan_degrees", c.panDegrees());
            frame.put("tilt_degrees", c.tiltDegrees());
            frame.put("pan_pulse_us", c.panPulseUs());
            frame.put("tilt_pulse_us", c.tiltPulseUs());
            frame.put("ideal_pan_degrees", f.ideal().get(i).panDegrees());
            frame.put("ideal_tilt_degrees", f.ideal().get(i).tiltDegrees());
            frame.put("error_degrees", errors.get(i));
            frame.put("instructions", f.run().instructions().get(i));
            frames.add(frame);
        }
        json.put("frames", frames);
        return json;
    }

    static String html(Followed f) {
        String title = "Face following on " + f.board();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:75em}"
                        + "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}"
                        + "th{text-align:left}.charts{display:grid;grid-template-columns:1fr 1fr;gap:1em}.charts>div{min-width:0}</style>\n")
                .append(Charts.libraryScript()).append("</head><body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n<p><b>").append(f.passed() ? "PASSED" : "FAILED").append("</b>: ")
                .append(escape(String.format(Locale.ROOT, "the servos stayed within %.2f° of a stand that knew where the face was "
                        + "(mean %.2f°; tolerance %.0f° on every frame). Every command is what the host's servo arithmetic "
                        + "makes of the board's scores: %s. Cell scores bit-identical to the reference interpreter's: %s.",
                        f.maxErrorDegrees(), f.meanErrorDegrees(), FaceFollowingDemo.TOLERANCE_DEGREES,
                        f.commandsAsPredicted() ? "yes" : "no", f.scores().bitIdentical() ? "yes" : "no"))).append("</p>\n");
        h.append("<p>").append(escape(String.format(Locale.ROOT, "A camera seeing %.0f° across a %dx%d frame; a frame every %d ms; "
                + "servos of %.2f s per 60°, so at most %.2f° per frame; a 50 Hz servo signal of %d–%d µs for −90…+90°. "
                + "%,.0f instructions per frame on the board, firmware flash %,d B, RAM %,d B.",
                PanTilt.FIELD_OF_VIEW_CDEG / 100.0, FaceFrames.SIDE, FaceFrames.SIDE, PanTilt.FRAME_MS,
                PanTilt.MS_PER_60_DEGREES / 1000.0, PanTilt.MAX_STEP_CDEG / 100.0, PanTilt.MIN_PULSE_US, PanTilt.MAX_PULSE_US,
                f.instructionsPerFrame(), f.run().size().flashBytes(), f.run().size().ramBytes()))).append("</p>\n");
        h.append("<div class=\"charts\"><div>").append(Charts.chart("path", 440, pathOption(f))).append("</div><div>")
                .append(Charts.chart("angles", 440, anglesOption(f))).append("</div></div>\n");
        h.append("<h2>Frame by frame</h2>\n<table><tr><th>frame</th><th>face (x, y)</th><th>found (x, y)</th><th>pan °</th>"
                + "<th>tilt °</th><th>ideal pan °</th><th>ideal tilt °</th><th>error °</th><th>pan pulse µs (duty)</th>"
                + "<th>tilt pulse µs (duty)</th><th>instructions</th></tr>\n");
        List<Double> errors = f.errorsDegrees();
        for (int i = 0; i < f.frames().size(); i++) {
            ServoCommand c = f.commands().get(i);
            ServoCommand ideal = f.ideal().get(i);
            h.append("<tr><td>").append(i).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f, %.3f", f.frames().get(i).x(), f.frames().get(i).y())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f, %.3f", f.found().get(i)[0], f.found().get(i)[1])).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>",
                            c.panDegrees(), c.tiltDegrees(), ideal.panDegrees(), ideal.tiltDegrees(), errors.get(i)))
                    .append(String.format(Locale.ROOT, "<td>%d (%.2f %%)</td><td>%d (%.2f %%)</td><td>%,d</td></tr>%n",
                            c.panPulseUs(), c.panDutyPercent(), c.tiltPulseUs(), c.tiltDutyPercent(), f.run().instructions().get(i)));
        }
        h.append("</table>\n<h2>How the model was made</h2>\n<table><tr><th>stage</th><th>seconds</th><th>verdict</th><th>detail</th></tr>\n");
        for (StageResult s : f.stages()) {
            h.append("<tr><th>").append(escape(s.name())).append(String.format(Locale.ROOT, "</th><td>%.2f</td><td>", s.seconds()))
                    .append(s.status()).append("</td><td style=\"text-align:left\">").append(escape(s.detail())).append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    /** Where the face was and where the servos pointed, both as (pan, tilt) angles, frame after frame. */
    private static Map<String, Object> pathOption(Followed f) {
        List<List<Double>> face = new ArrayList<>();
        for (FaceFrames.Frame frame : f.frames()) {
            int[] aim = PanTilt.aimAt(frame.x(), frame.y());
            face.add(List.of(aim[0] / 100.0, aim[1] / 100.0));
        }
        double half = PanTilt.FIELD_OF_VIEW_CDEG / 200.0;
        Map<String, Object> axis = Map.of("type", "value", "min", -half, "max", half);
        return Map.of("animation", false,
                "title", Map.of("text", "The face's path and the servos' (angles, degrees)"),
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 30),
                "grid", Map.of("top", 70, "left", 60, "right", 30),
                "xAxis", merged(axis, Map.of("name", "pan", "nameLocation", "middle", "nameGap", 25)),
                "yAxis", merged(axis, Map.of("name", "tilt", "nameLocation", "middle", "nameGap", 30)),
                "series", List.of(line("true face direction", face, "dashed", FACE),
                        line("servos (board)", angles(f.commands()), "solid", SERVOS)));
    }

    /** Both angles frame by frame: the board's and the ideal stand's. */
    private static Map<String, Object> anglesOption(Followed f) {
        return Map.of("animation", false,
                "title", Map.of("text", "Pan and tilt per frame (degrees)"),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 30),
                "grid", Map.of("top", 70, "left", 50, "right", 30),
                "xAxis", Map.of("type", "value", "name", "frame", "nameLocation", "middle", "nameGap", 25),
                "yAxis", Map.of("type", "value"),
                "series", List.of(
                        line("pan (board)", perFrame(f.commands(), ServoCommand::panDegrees), "solid", PAN),
                        line("pan (ideal)", perFrame(f.ideal(), ServoCommand::panDegrees), "dashed", PAN),
                        line("tilt (board)", perFrame(f.commands(), ServoCommand::tiltDegrees), "solid", TILT),
                        line("tilt (ideal)", perFrame(f.ideal(), ServoCommand::tiltDegrees), "dashed", TILT)));
    }

    private static List<List<Double>> angles(List<ServoCommand> commands) {
        return commands.stream().map(c -> List.of(c.panDegrees(), c.tiltDegrees())).toList();
    }

    private static List<List<Number>> perFrame(List<ServoCommand> commands, Function<ServoCommand, Double> angle) {
        List<List<Number>> points = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            points.add(List.of(i, angle.apply(commands.get(i))));
        }
        return points;
    }

    /** A line, solid for what the board did and dashed for what it should have done, in one colour per quantity. */
    private static Map<String, Object> line(String name, Object data, String style, String colour) {
        return Map.of("name", name, "type", "line", "data", data, "symbolSize", 5, "color", colour, "lineStyle", Map.of("type", style));
    }

    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
