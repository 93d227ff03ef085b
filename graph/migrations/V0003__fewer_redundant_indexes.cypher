// Every index is paid for on each write: an enterprise node carried eight index entries (three
// uid constraints, two name indexes, a city index, two full-text indexes) where five serve every
// query. Lookups by uid of any organisation go through Organisation or Entity; names through
// organisation_name; so the per-kind uid constraints and name indexes of organisations go, and
// the two overlapping full-text indexes become one over every kind, names in both languages.
DROP CONSTRAINT university_uid IF EXISTS;
DROP CONSTRAINT lab_uid IF EXISTS;
DROP CONSTRAINT enterprise_uid IF EXISTS;
DROP CONSTRAINT incubator_uid IF EXISTS;
DROP CONSTRAINT financier_uid IF EXISTS;
DROP INDEX university_name IF EXISTS;
DROP INDEX lab_name IF EXISTS;
DROP INDEX enterprise_name IF EXISTS;
DROP INDEX entity_name_fulltext IF EXISTS;
DROP INDEX organisation_name_fulltext IF EXISTS;

// Full-text search over names with the CJK analyzer, so 芯片 finds 集成电路芯片设计.
CREATE FULLTEXT INDEX name_fulltext IF NOT EXISTS
FOR (n:City|Zone|Park|Organisation|Industry)
ON EACH [n.name, n.name_en]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
