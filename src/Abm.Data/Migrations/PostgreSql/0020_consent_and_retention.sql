-- 0020: consent kept locally. A suppression withdraws one purpose (email, tracking or profiling) for one contact,
-- whatever HubSpot says, with why, when and who; a workspace may require the tracking snippet's consent signal; and
-- each workspace keeps raw engagement events for its own number of days (730 by default), after which a daily job deletes them.
CREATE TABLE contact_suppressions (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    purpose character varying(20) NOT NULL,
    reason character varying(500),
    created_at timestamp with time zone NOT NULL,
    created_by character varying(256) NOT NULL,
    CONSTRAINT pk_contact_suppressions PRIMARY KEY (id),
    CONSTRAINT fk_contact_suppressions_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_suppressions_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_contact_suppressions_contact_id_purpose ON contact_suppressions (contact_id, purpose);
CREATE INDEX ix_contact_suppressions_workspace_id ON contact_suppressions (workspace_id);
ALTER TABLE workspaces ADD COLUMN tracking_requires_consent boolean NOT NULL DEFAULT false;
ALTER TABLE workspaces ADD COLUMN event_retention_days integer NOT NULL DEFAULT 730;
