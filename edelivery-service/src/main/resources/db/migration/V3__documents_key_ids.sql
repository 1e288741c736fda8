-- Documents keys rotate (EDELIVERY_DOCUMENTS_KEY holds <id>:<base64> entries, the current first): each document
-- records the id of the key that encrypted it. Documents stored before hold the key given without an id ('1').
ALTER TABLE inbox_document_content ADD COLUMN key_id VARCHAR(32) NOT NULL DEFAULT '1';
ALTER TABLE inbox_document_content ALTER COLUMN key_id DROP DEFAULT;
