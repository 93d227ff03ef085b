// Every projected node also carries the label Entity: one uid index serves lookups by uid
// whatever the node's kind (explorer, paths), beside each label's own constraint.
CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE;

// Every organisation also carries the common label Organisation (its kind label beside it:
// University, Lab, Enterprise, Incubator, Financier), so one uid lookup finds any of them.
CREATE CONSTRAINT organisation_uid IF NOT EXISTS FOR (n:Organisation) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT financier_uid IF NOT EXISTS FOR (n:Financier) REQUIRE n.uid IS UNIQUE;
CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);

// Relationships that mirror a row of their own carry its uid; the projection finds them by it.
CREATE INDEX enclave_of_uid IF NOT EXISTS FOR ()-[r:ENCLAVE_OF]-() ON (r.uid);
CREATE INDEX partner_of_uid IF NOT EXISTS FOR ()-[r:PARTNER_OF]-() ON (r.uid);
CREATE INDEX cooperates_with_uid IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.uid);
CREATE INDEX affiliated_with_uid IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() ON (r.uid);
CREATE INDEX supplies_to_uid IF NOT EXISTS FOR ()-[r:SUPPLIES_TO]-() ON (r.uid);
CREATE INDEX supplies_uid IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.uid);

// Filters the explorer and analytics use.
CREATE INDEX park_city IF NOT EXISTS FOR (n:Park) ON (n.city_uid);
CREATE INDEX organisation_city IF NOT EXISTS FOR (n:Organisation) ON (n.city_uid);

// Full-text over every organisation label (the V0001 index predates Financier).
CREATE FULLTEXT INDEX organisation_name_fulltext IF NOT EXISTS
FOR (n:Organisation) ON EACH [n.name, n.name_en]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
