package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests of other packages call the package-private clean-up of {@link PoiTempFolder}. */
public final class PoiTempFolderAccess {

    private PoiTempFolderAccess() {
    }

    public static void deleteStale(Path tmp) {
        PoiTempFolder.deleteStale(tmp);
    }

    public static void deleteTree(Path dir) throws IOException {
        OutputFolders.deleteTree(dir);
    }
}
