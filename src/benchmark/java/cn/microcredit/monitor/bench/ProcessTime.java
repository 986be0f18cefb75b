package cn.microcredit.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /usr/bin/time -v -o FILE} recorded of one process: wall time in seconds, maximum resident set size in
 * KiB, exit status. A missing file or line gives NaN, -1 and -1, so that a report still prints what was measured.
 */
record ProcessTime(double wallSeconds, long maxRssKib, int exitStatus) {

    private static final Pattern WALL = Pattern.compile(
            "Elapsed \\(wall clock\\) time.*?:\\s+(?:(\\d+):)?(\\d+):(\\d+(?:\\.\\d+)?)\\s*$", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\):\\s+(\\d+)");
    private static final Pattern EXIT = Pattern.compile("Exit status:\\s+(\\d+)");

    static ProcessTime read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new ProcessTime(Double.NaN, -1, -1);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        double wall = Double.NaN;
        Matcher m = WALL.matcher(text);
        if (m.find()) {
            int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            wall = hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
        }
        m = RSS.matcher(text);
        long rss = m.find() ? Long.parseLong(m.group(1)) : -1;
        m = EXIT.matcher(text);
        int exit = m.find() ? Integer.parseInt(m.group(1)) : -1;
        return new ProcessTime(wall, rss, exit);
    }

    boolean measured() {
        return !Double.isNaN(wallSeconds);
    }
}
