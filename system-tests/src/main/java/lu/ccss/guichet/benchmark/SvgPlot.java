package lu.ccss.guichet.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as SVG text, with no library: one x axis (linear or log2, e.g. concurrency 1–256) and up to two
 * y axes (left and right, each from 0), any number of series on either. Generic on purpose: the endpoints round
 * plots answers/s and p99 against concurrency; a flows round can plot flows/s against concurrent flows.
 */
public final class SvgPlot {

    /** Which y axis a series is drawn against. */
    public enum Axis { LEFT, RIGHT }

    /** One point; {@code y} may be NaN (not drawn). */
    public record Point(double x, double y) {
    }

    /** A named line. {@code dashed} draws it dashed (e.g. a ceiling next to the measured line). */
    public record Series(String name, Axis axis, List<Point> points, boolean dashed) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
            "#8c564b", "#e377c2"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 40;
    private static final int BOTTOM = 90;

    private final String title;
    private final String xLabel;
    private final boolean xLog2;
    private final String leftLabel;
    private final String rightLabel;
    private final List<Series> series = new ArrayList<>();

    /** {@code rightLabel} null: one y axis. */
    public SvgPlot(String title, String xLabel, boolean xLog2, String leftLabel, String rightLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.xLog2 = xLog2;
        this.leftLabel = leftLabel;
        this.rightLabel = rightLabel;
    }

    public SvgPlot add(Series s) {
        series.add(s);
        return this;
    }

    public SvgPlot add(String name, Axis axis, List<Point> points) {
        return add(new Series(name, axis, points, false));
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
    }

    /** The chart as an SVG document. */
    public String svg() {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (Point p : s.points()) {
                xMin = Math.min(xMin, p.x());
                xMax = Math.max(xMax, p.x());
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
        }
        if (xMin == xMax) {
            xMax = xMin + 1;
        }
        double leftMax = niceMax(max(Axis.LEFT));
        double rightMax = niceMax(max(Axis.RIGHT));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double x0 = xLog2 ? log2(xMin) : xMin;
        double x1 = xLog2 ? log2(xMax) : xMax;

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        out.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">%s"
                + "</text>%n", WIDTH / 2, escape(title)));
        // Grid and y ticks (left), right ticks.
        for (int i = 0; i <= 5; i++) {
            double y = TOP + plotH - plotH * i / 5;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#e0e0e0\"/>%n", LEFT, y, LEFT + plotW, y));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, number(leftMax * i / 5)));
            if (rightLabel != null) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", LEFT + plotW + 6,
                        y + 4, number(rightMax * i / 5)));
            }
        }
        // X ticks: powers of two on a log2 axis, otherwise 5 steps.
        List<Double> ticks = new ArrayList<>();
        if (xLog2) {
            for (double t = Math.pow(2, Math.floor(x0)); t <= xMax * 1.0001; t *= 2) {
                if (t >= xMin * 0.9999) {
                    ticks.add(t);
                }
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(xMin + (xMax - xMin) * i / 5);
            }
        }
        for (double t : ticks) {
            double x = LEFT + plotW * ((xLog2 ? log2(t) : t) - x0) / (x1 - x0);
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#e0e0e0\"/>%n", x, TOP, x, TOP + plotH));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + plotH + 16, number(t)));
        }
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                + "stroke=\"#444\"/>%n", LEFT, TOP, plotW, plotH));
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, TOP + plotH + 34, escape(xLabel + (xLog2 ? " (log2 scale)" : ""))));
        out.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>%n", TOP + plotH / 2, escape(leftLabel)));
        if (rightLabel != null) {
            out.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%.1f) rotate(90)\" "
                    + "text-anchor=\"middle\">%s</text>%n", WIDTH - 14, TOP + plotH / 2, escape(rightLabel)));
        }
        // Series and legend.
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            double yMax = s.axis() == Axis.LEFT ? leftMax : rightMax;
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point p : s.points()) {
                if (Double.isNaN(p.y()) || Double.isInfinite(p.y())) {
                    continue;
                }
                double x = LEFT + plotW * ((xLog2 ? log2(p.x()) : p.x()) - x0) / (x1 - x0);
                double y = TOP + plotH - plotH * Math.min(p.y(), yMax) / yMax;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        x, y, colour));
            }
            if (path.length() > 0) {
                out.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        path, colour, s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
                out.append(dots);
            }
            int column = i % 2;
            int row = i / 2;
            double lx = LEFT + column * plotW / 2;
            double ly = TOP + plotH + 54 + row * 16;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"2\"%s/>%n", lx, ly - 4, lx + 24, ly - 4, colour,
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", lx + 30, ly,
                    escape(s.name() + (rightLabel != null ? (s.axis() == Axis.LEFT ? " (left)" : " (right)") : ""))));
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private double max(Axis axis) {
        double max = 0;
        for (Series s : series) {
            if (s.axis() == axis) {
                for (Point p : s.points()) {
                    if (!Double.isNaN(p.y()) && !Double.isInfinite(p.y())) {
                        max = Math.max(max, p.y());
                    }
                }
            }
        }
        return max;
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above {@code max} (1 for 0). */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static String number(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
