-- Security review, finding 4 ("operators see codes").
--
-- The operator's view of a code letter: the same letter rendered with every code masked, kept encrypted like the
-- printable PDF (AES-256-GCM, IV prepended, "<letter id>/operator-view" as associated data) and destroyed with it.
-- Documents and holder notices carry no code: their operator view is the printable PDF itself (column left NULL).
ALTER TABLE letter ADD COLUMN operator_pdf_encrypted BYTEA;
ALTER TABLE letter ADD CONSTRAINT letter_operator_view_only_while_kept
    CHECK (status IN ('GENERATED', 'BATCHED') OR operator_pdf_encrypted IS NULL);

-- Every download of codes (a print archive, or one letter's printable PDF) by the print provider: who, when, what.
-- Append-only: the service only inserts; the database refuses any change or removal. No foreign keys, so that the
-- trail outlives anything it names.
CREATE TABLE code_download (
    seq           BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    downloaded_at TIMESTAMPTZ  NOT NULL,
    downloaded_by VARCHAR(255) NOT NULL,
    client_id     VARCHAR(255),
    what          VARCHAR(20)  NOT NULL CHECK (what IN ('PRINT_ARCHIVE', 'LETTER_PDF')),
    batch_id      UUID,
    letter_id     UUID,
    letter_count  INT          NOT NULL CHECK (letter_count >= 0),
    key_id        VARCHAR(100) NOT NULL,
    CHECK (what <> 'PRINT_ARCHIVE' OR batch_id IS NOT NULL),
    CHECK (what <> 'LETTER_PDF' OR letter_id IS NOT NULL)
);
CREATE INDEX code_download_by_batch ON code_download (batch_id, seq);
CREATE INDEX code_download_by_letter ON code_download (letter_id, seq);

CREATE FUNCTION code_download_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'code_download is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER code_download_no_update_or_delete BEFORE UPDATE OR DELETE ON code_download
    FOR EACH ROW EXECUTE FUNCTION code_download_is_append_only();
CREATE TRIGGER code_download_no_truncate BEFORE TRUNCATE ON code_download
    FOR EACH STATEMENT EXECUTE FUNCTION code_download_is_append_only();
