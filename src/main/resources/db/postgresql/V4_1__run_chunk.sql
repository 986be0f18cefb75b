-- The stored rows of a run, a chunk of up to a few thousand rows each (see V4). kind: L = loans, R = roster periods.
CREATE TABLE run_chunk (
    run_id    BIGINT  NOT NULL,
    kind      CHAR(1) NOT NULL,
    file_seq  INT     NOT NULL,
    chunk_seq INT     NOT NULL,
    row_count INT     NOT NULL,
    payload   BYTEA   NOT NULL,
    PRIMARY KEY (run_id, kind, file_seq, chunk_seq)
);
