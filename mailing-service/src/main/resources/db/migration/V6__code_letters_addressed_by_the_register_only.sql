-- Issue 16, item 3: CodesIssued v2 carries no address; a code letter goes to its recipient's address in the employer
-- register projection, never to one from an event. A code letter voided unprinted because its party ceased keeps the
-- party's last registered address when the register ever gave one, else none; every rendered letter has its address.
ALTER TABLE letter ALTER COLUMN street DROP NOT NULL;
ALTER TABLE letter ALTER COLUMN house_number DROP NOT NULL;
ALTER TABLE letter ALTER COLUMN postcode DROP NOT NULL;
ALTER TABLE letter ALTER COLUMN locality DROP NOT NULL;
ALTER TABLE letter ALTER COLUMN country DROP NOT NULL;
ALTER TABLE letter ADD CONSTRAINT letter_addressed CHECK (
    (street IS NOT NULL AND house_number IS NOT NULL AND postcode IS NOT NULL AND locality IS NOT NULL
        AND country IS NOT NULL)
    OR (street IS NULL AND house_number IS NULL AND postcode IS NULL AND locality IS NULL AND country IS NULL
        AND status = 'VOIDED' AND pages IS NULL));
