-- 0013: lead scoring. An ideal-client example says where it came from (the profile itself or a closed-won
-- company) and which embedding model, of which dimension, made its vector. A lead score row records which
-- scorer answered (provider, model, whether the deterministic fallback did), what it cost and, for audit, the
-- prompt and answer; the current row per contact is flagged so the priority queues read one row per lead.
ALTER TABLE icp_profiles ADD COLUMN source character varying(20) NOT NULL DEFAULT 'profile';
ALTER TABLE icp_profiles ADD COLUMN embedding_model character varying(200);
ALTER TABLE icp_profiles ADD COLUMN embedding_dimensions integer;

ALTER TABLE lead_scores ADD COLUMN is_current boolean NOT NULL DEFAULT false;
ALTER TABLE lead_scores ADD COLUMN provider character varying(50) NOT NULL DEFAULT 'fallback';
ALTER TABLE lead_scores ADD COLUMN model character varying(200);
ALTER TABLE lead_scores ADD COLUMN used_fallback boolean NOT NULL DEFAULT true;
ALTER TABLE lead_scores ADD COLUMN latency_ms integer NOT NULL DEFAULT 0;
ALTER TABLE lead_scores ADD COLUMN input_tokens integer NOT NULL DEFAULT 0;
ALTER TABLE lead_scores ADD COLUMN output_tokens integer NOT NULL DEFAULT 0;
ALTER TABLE lead_scores ADD COLUMN estimated_cost_usd double precision NOT NULL DEFAULT 0;
ALTER TABLE lead_scores ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
ALTER TABLE lead_scores ADD COLUMN prompt text;
ALTER TABLE lead_scores ADD COLUMN response text;
CREATE UNIQUE INDEX idx_lead_scores_current ON lead_scores (contact_id) WHERE is_current;
CREATE INDEX idx_lead_scores_queue ON lead_scores (workspace_id, priority, score) WHERE is_current;
