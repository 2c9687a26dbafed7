-- 0002: engagement scoring support. Contact scores keep what the account roll-up needs (events in
-- window, points per velocity period) so accounts roll up without re-reading every member's events.
ALTER TABLE contact_scores ADD COLUMN events_in_window integer NOT NULL DEFAULT 0;
ALTER TABLE contact_scores ADD COLUMN last_event_at timestamp with time zone;
ALTER TABLE contact_scores ADD COLUMN current_period_points double precision NOT NULL DEFAULT 0;
ALTER TABLE contact_scores ADD COLUMN previous_period_points double precision NOT NULL DEFAULT 0;

-- Per-workspace engagement settings (event weights, decay half-life, window); null means the defaults.
ALTER TABLE workspaces ADD COLUMN engagement_settings jsonb;
