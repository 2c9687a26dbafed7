-- 0027: sends of HubSpot marketing emails through the single-send API, to one contact or a HubSpot list's members, now
-- or scheduled. A send is claimed by moving due_at past a claim period (FOR UPDATE SKIP LOCKED), so two instances never
-- send it at once; each recipient's outcome is kept, and its row key is the HubSpot sendId, so a retry is not a second email.
CREATE TABLE marketing_email_sends (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    email_id character varying(50) NOT NULL,
    email_name character varying(500),
    email_campaign_ids jsonb NOT NULL,
    list_id character varying(50),
    status character varying(20) NOT NULL,
    scheduled_for timestamp with time zone,
    due_at timestamp with time zone,
    attempts integer NOT NULL,
    error text,
    created_by character varying(256) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    CONSTRAINT pk_marketing_email_sends PRIMARY KEY (id),
    CONSTRAINT fk_marketing_email_sends_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE INDEX ix_marketing_email_sends_workspace_id_created_at ON marketing_email_sends (workspace_id, created_at);
CREATE INDEX idx_marketing_email_sends_due ON marketing_email_sends (workspace_id, due_at) WHERE status IN ('scheduled', 'sending');

CREATE TABLE marketing_email_recipients (
    send_id uuid NOT NULL,
    hubspot_contact_id character varying(50) NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid,
    email character varying(320),
    outcome character varying(20) NOT NULL,
    reason text,
    hubspot_status_id character varying(100),
    sent_at timestamp with time zone,
    CONSTRAINT pk_marketing_email_recipients PRIMARY KEY (send_id, hubspot_contact_id),
    CONSTRAINT fk_marketing_email_recipients_send_id FOREIGN KEY (send_id) REFERENCES marketing_email_sends (id) ON DELETE CASCADE,
    CONSTRAINT fk_marketing_email_recipients_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE INDEX ix_marketing_email_recipients_workspace_id_contact_id ON marketing_email_recipients (workspace_id, contact_id);
