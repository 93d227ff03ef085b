// Every node carries the system-of-record id as `uid`, unique per label (DESIGN.md, graph model).
CREATE CONSTRAINT city_uid IF NOT EXISTS FOR (n:City) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT zone_uid IF NOT EXISTS FOR (n:Zone) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT park_uid IF NOT EXISTS FOR (n:Park) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT alliance_uid IF NOT EXISTS FOR (n:Alliance) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT university_uid IF NOT EXISTS FOR (n:University) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT lab_uid IF NOT EXISTS FOR (n:Lab) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT enterprise_uid IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT incubator_uid IF NOT EXISTS FOR (n:Incubator) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT industry_uid IF NOT EXISTS FOR (n:Industry) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT project_uid IF NOT EXISTS FOR (n:Project) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT posting_uid IF NOT EXISTS FOR (n:Posting) REQUIRE n.uid IS UNIQUE;

// Name lookups: range indexes for exact and prefix matches on the labels people search most.
CREATE INDEX park_name IF NOT EXISTS FOR (n:Park) ON (n.name);
CREATE INDEX university_name IF NOT EXISTS FOR (n:University) ON (n.name);
CREATE INDEX lab_name IF NOT EXISTS FOR (n:Lab) ON (n.name);
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX industry_name IF NOT EXISTS FOR (n:Industry) ON (n.name);
CREATE INDEX city_name IF NOT EXISTS FOR (n:City) ON (n.name);

// Full-text search over names with the CJK analyzer, so 芯片 finds 集成电路芯片设计.
CREATE FULLTEXT INDEX entity_name_fulltext IF NOT EXISTS
FOR (n:City|Zone|Park|University|Lab|Enterprise|Incubator|Industry)
ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
