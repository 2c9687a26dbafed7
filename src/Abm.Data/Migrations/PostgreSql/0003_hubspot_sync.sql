-- 0003: HubSpot connection and sync. Each sync run is recorded; a lease row says which instance may call a
-- portal; workspaces keep their own segment rules; a disconnected connection says why; sync state remembers
-- when the current full pass began, so the incremental watermark starts there once it ends.
CREATE TABLE sync_runs (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    trigger character varying(20) NOT NULL,
    max_contacts integer,
    pages integer NOT NULL,
    records integer NOT NULL,
    errors integer NOT NULL,
    api_calls integer NOT NULL,
    rate_limited integer NOT NULL,
    error text,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT pk_sync_runs PRIMARY KEY (id),
    CONSTRAINT fk_sync_runs_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE INDEX ix_sync_runs_workspace_id_started_at ON sync_runs (workspace_id, started_at);

CREATE TABLE portal_leases (
    workspace_id uuid NOT NULL,
    holder character varying(200) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_portal_leases PRIMARY KEY (workspace_id),
    CONSTRAINT fk_portal_leases_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

ALTER TABLE workspaces ADD COLUMN segment_rules jsonb;
ALTER TABLE oauth_connections ADD COLUMN status_reason character varying(500);
ALTER TABLE sync_state ADD COLUMN full_sync_started_at timestamp with time zone;
