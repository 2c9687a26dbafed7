-- 0016: where an audited action came from (the client address of an API request, the dashboard, or the machine of the
-- abm executable or a worker), and an
-- index for reading the log by action.
ALTER TABLE "audit_log" ADD COLUMN "source" TEXT NULL;
CREATE INDEX "ix_audit_log_workspace_id_action_occurred_at" ON "audit_log" ("workspace_id", "action", "occurred_at");
