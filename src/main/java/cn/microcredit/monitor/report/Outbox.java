package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --outbox}: after a run that published, each sub-bureau's workbook is copied into the folder it collects from,
 * {@code OUTBOX/<sub-bureau>/}, and the province's into {@code OUTBOX/省局/}. Each copy is written under a temporary
 * name and renamed, so a collector never picks up half a file.
 */
public final class Outbox {

    static final String PROVINCE_FOLDER = "省局";
    private static final String PREFIX = "帮扶小额信贷风险监测_";

    private Outbox() {
    }

    /** @return the files delivered */
    public static List<Path> deliver(Path published, Path outbox) throws IOException {
        List<Path> workbooks;
        try (Stream<Path> files = Files.list(published)) {
            workbooks = files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
        }
        List<Path> delivered = new java.util.ArrayList<>();
        for (Path workbook : workbooks) {
            String name = workbook.getFileName().toString();
            String scope = name.substring(PREFIX.length(), name.lastIndexOf('_'));
            Path folder = Files.createDirectories(
                    outbox.resolve(scope.equals(ExcelReports.PROVINCE) ? PROVINCE_FOLDER : scope));
            Path partial = folder.resolve("." + name + ".part");
            Files.copy(workbook, partial, StandardCopyOption.REPLACE_EXISTING);
            delivered.add(Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE));
        }
        return delivered;
    }
}
