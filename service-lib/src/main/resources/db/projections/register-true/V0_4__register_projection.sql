-- A service's projection of the CCSS employer register (service-lib EmployerRegister), for the services that switch
-- it on with guichet.projections.register=true. An entry ceased before its registration was seen has no name or
-- address; it stays ceased whatever arrives later.
CREATE TABLE register_entry (
    registration_number VARCHAR(13)  PRIMARY KEY,
    kind                VARCHAR(20)  CHECK (kind IN ('EMPLOYER', 'PROFESSIONAL_AGENT')),
    legal_name          VARCHAR(255),
    street              VARCHAR(255),
    house_number        VARCHAR(32),
    postcode            VARCHAR(16),
    locality            VARCHAR(255),
    country             VARCHAR(2),
    language            VARCHAR(2)   CHECK (language IN ('fr', 'de', 'en')),
    status              VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'CEASED')),
    changed_at          TIMESTAMPTZ  NOT NULL,
    ceased_at           TIMESTAMPTZ
);
