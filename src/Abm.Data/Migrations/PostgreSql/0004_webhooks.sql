-- 0004: webhooks. An inbox batch says when it may next be claimed (claims expire, failures back off), and
-- each HubSpot record remembers the newest webhook event applied to it, so late and repeated events are skipped.
ALTER TABLE webhook_inbox ADD COLUMN next_attempt_at timestamp with time zone NOT NULL DEFAULT '1970-01-01T00:00:00Z';
DROP INDEX idx_webhook_inbox_pending;
CREATE INDEX idx_webhook_inbox_due ON webhook_inbox (next_attempt_at) WHERE status IN ('pending', 'processing');

CREATE TABLE webhook_record_marks (
    workspace_id uuid NOT NULL,
    object_type character varying(30) NOT NULL,
    hubspot_id character varying(50) NOT NULL,
    last_occurred_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_webhook_record_marks PRIMARY KEY (workspace_id, object_type, hubspot_id),
    CONSTRAINT fk_webhook_record_marks_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
