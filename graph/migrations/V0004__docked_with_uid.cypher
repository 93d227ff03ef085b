// Agreed dockings between parks (DOCKED_WITH, written by the docking sub-platform) are found
// by their uid like every relationship that mirrors a Relation row.
CREATE INDEX docked_with_uid IF NOT EXISTS FOR ()-[r:DOCKED_WITH]-() ON (r.uid);
