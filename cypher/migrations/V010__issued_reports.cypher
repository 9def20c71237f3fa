// Issued partnership reports (src/reports/issuedReports.ts): unique by id, and
// found by period and area when a later run checks its figures against them.
CREATE CONSTRAINT issued_report_id IF NOT EXISTS FOR (r:IssuedReport) REQUIRE r.id IS UNIQUE;
CREATE INDEX issued_report_period_area IF NOT EXISTS FOR (r:IssuedReport) ON (r.period, r.areaKey);
