-- 0009: nurture execution. An enrolment remembers the step it is at (by id, with when it got there), how many
-- steps it has performed (the scope of an action's key, so a step visited again in a loop is a new action),
-- why it ended, what enrolled it, and its retry state. One active enrolment per sequence and contact.
ALTER TABLE nurture_enrollments ADD COLUMN current_step_id character varying(100);
ALTER TABLE nurture_enrollments ADD COLUMN step_reached_at timestamp with time zone;
ALTER TABLE nurture_enrollments ADD COLUMN steps_taken integer NOT NULL DEFAULT 0;
ALTER TABLE nurture_enrollments ADD COLUMN exit_reason character varying(500);
ALTER TABLE nurture_enrollments ADD COLUMN enrolled_by character varying(200);
ALTER TABLE nurture_enrollments ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE nurture_enrollments ADD COLUMN last_error character varying(1000);
CREATE UNIQUE INDEX idx_nurture_enrollments_active_contact ON nurture_enrollments (sequence_id, contact_id) WHERE status = 'active';

-- The action log: one row per (enrolment, step, steps taken), written before HubSpot is called. Its id is the
-- email's sendId and the marker a retried task is looked up by, so a crash and a retry never act twice.
CREATE TABLE nurture_actions (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    enrollment_id uuid NOT NULL,
    sequence_id uuid NOT NULL,
    sequence_version integer NOT NULL,
    contact_id uuid NOT NULL,
    company_id uuid,
    step_id character varying(100) NOT NULL,
    attempt_scope integer NOT NULL,
    kind character varying(30) NOT NULL,
    status character varying(20) NOT NULL,
    reason character varying(1000),
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone,
    content_id uuid,
    send_id character varying(100),
    hubspot_id character varying(100),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT pk_nurture_actions PRIMARY KEY (id),
    CONSTRAINT fk_nurture_actions_enrollment_id FOREIGN KEY (enrollment_id) REFERENCES nurture_enrollments (id) ON DELETE CASCADE,
    CONSTRAINT fk_nurture_actions_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX idx_nurture_actions_key ON nurture_actions (enrollment_id, step_id, attempt_scope);
CREATE INDEX idx_nurture_actions_contact ON nurture_actions (workspace_id, contact_id, created_at);
CREATE INDEX idx_nurture_actions_company ON nurture_actions (workspace_id, company_id, created_at);
CREATE INDEX idx_nurture_actions_sequence ON nurture_actions (sequence_id, step_id);

-- Guardrails a workspace set for its nurture sends (frequency caps, quiet hours, weekends); null keeps the defaults.
ALTER TABLE workspaces ADD COLUMN nurture_guardrails jsonb;
