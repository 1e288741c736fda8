-- Issue 16, item 3: the mandate-service keeps no postal address. RequestTransmitted v3 carries none and CodesIssued v2
-- names each letter's recipient by registration number; the mailing-service addresses the letters from the employer
-- register. The addresses copied from RequestTransmitted v1/v2 are erased with their columns.
ALTER TABLE code_request DROP COLUMN street, DROP COLUMN house_number, DROP COLUMN postcode, DROP COLUMN locality,
    DROP COLUMN country;
ALTER TABLE request_agent DROP COLUMN street, DROP COLUMN house_number, DROP COLUMN postcode, DROP COLUMN locality,
    DROP COLUMN country;
