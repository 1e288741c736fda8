-- Issue 12: the employer's and the agents' legal names and addresses come from the CCSS employer register (whose
-- legal names run to 255 characters), and an agent's mandate may end on a date the employer chose.

ALTER TABLE certification_request ALTER COLUMN employer_legal_name TYPE VARCHAR(255);
ALTER TABLE certification_agent ALTER COLUMN name TYPE VARCHAR(255);
ALTER TABLE certification_agent ADD COLUMN mandate_ends_on DATE;
