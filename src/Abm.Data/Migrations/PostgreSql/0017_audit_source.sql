-- 0017: where an audited action came from (the client address of the request, "cli", or a worker's name), and an
-- index for reading the log by action.
ALTER TABLE audit_log ADD COLUMN source character varying(100);
CREATE INDEX ix_audit_log_workspace_id_action_occurred_at ON audit_log (workspace_id, action, occurred_at);
