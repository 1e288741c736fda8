-- Issue 12: the employer register is the one trusted source of where letters go; eDelivery follows the mandate;
-- the holder is told by letter when its holder certification is replaced or revoked.

-- Letters go to the register's address (service-lib's register projection), no longer to the address learnt from
-- code letters.
DROP TABLE employer_contact;

-- EDeliveryStopped: the route is off (the row stays, with when and why).
ALTER TABLE edelivery_activation ADD COLUMN stopped_at  TIMESTAMPTZ;
ALTER TABLE edelivery_activation ADD COLUMN stop_reason VARCHAR(20);
CREATE INDEX edelivery_activation_active_route ON edelivery_activation (employer, domain, activated_at DESC)
    WHERE stopped_at IS NULL;

-- A document goes to the inbox of the space whose eDelivery is on, which may be another space than the one named.
ALTER TABLE document_dispatch ADD COLUMN inbox_space_id UUID;
UPDATE document_dispatch SET inbox_space_id = space_id WHERE channel = 'EDELIVERY';
ALTER TABLE document_dispatch ADD CONSTRAINT document_dispatch_inbox
    CHECK ((channel = 'EDELIVERY') = (inbox_space_id IS NOT NULL));

-- HOLDER_NOTICE letters, once per ended holder mandate; code letters to a ceased party are recorded VOIDED without
-- being rendered (no PDF, no pages, no hash: no code was ever printed).
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'letter'::regclass AND contype = 'c'
             AND (pg_get_constraintdef(oid) LIKE '%CODES_EMPLOYER%' OR pg_get_constraintdef(oid) LIKE '%code_letter_id IS NOT NULL%'
                  OR pg_get_constraintdef(oid) LIKE '%pages > 0%')
    LOOP
        EXECUTE 'ALTER TABLE letter DROP CONSTRAINT ' || quote_ident(c.conname);
    END LOOP;
END $$;
ALTER TABLE letter ADD COLUMN mandate_id UUID UNIQUE;
ALTER TABLE letter ALTER COLUMN pages DROP NOT NULL;
ALTER TABLE letter ALTER COLUMN content_sha256 DROP NOT NULL;
ALTER TABLE letter ADD CONSTRAINT letter_kind
    CHECK (kind IN ('CODES_EMPLOYER', 'CODES_AGENT', 'DOCUMENT', 'HOLDER_NOTICE'));
ALTER TABLE letter ADD CONSTRAINT letter_links CHECK (
    (kind IN ('CODES_EMPLOYER', 'CODES_AGENT') AND request_id IS NOT NULL AND code_letter_id IS NOT NULL)
    OR (kind = 'DOCUMENT' AND document_id IS NOT NULL)
    OR (kind = 'HOLDER_NOTICE' AND mandate_id IS NOT NULL));
ALTER TABLE letter ADD CONSTRAINT letter_rendered
    CHECK ((pages > 0 AND content_sha256 IS NOT NULL) OR (status = 'VOIDED' AND pages IS NULL));
