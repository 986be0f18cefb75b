package cn.microcredit.monitor.ingest;

/**
 * What became of one input file. Invariant: {@code rowsRead == rowsAccepted + rowsRejected}; a file rejected whole
 * has {@code fileReject} set and its rows are not read.
 *
 * @param rowsRead data rows (blank lines and the header not counted)
 */
public record FileResult(int fileSeq, String file, String charset, long rowsRead, long rowsAccepted,
                         long rowsRejected, Reject fileReject) {

    public boolean rejectedWhole() {
        return fileReject != null;
    }

    /** Accepted rows later found to duplicate an earlier loan of the same bank move to the rejected count. */
    public FileResult withDuplicates(long duplicates) {
        return new FileResult(fileSeq, file, charset, rowsRead, rowsAccepted - duplicates, rowsRejected + duplicates,
                fileReject);
    }
}
