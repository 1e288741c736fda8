-- An operator follows every letter to one employer (code letters, documents by post, holder notices).
CREATE INDEX letter_by_employer ON letter (employer, created_at);
