-- 0015: language-model reasoning for lead scores. Every request to a model while scoring a lead (retries
-- included) is a row of ai_calls: provider, model, outcome, latency, tokens and estimated cost, for the AI status
-- and the admins' audit. A score the fallback answered although a model is configured says why.
ALTER TABLE lead_scores ADD COLUMN fallback_reason character varying(500);

CREATE TABLE ai_calls (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    lead_score_id uuid NOT NULL,
    provider character varying(50) NOT NULL,
    model character varying(200) NOT NULL,
    attempt integer NOT NULL,
    outcome character varying(40) NOT NULL,
    http_status integer,
    latency_ms integer NOT NULL,
    input_tokens integer NOT NULL,
    output_tokens integer NOT NULL,
    estimated_cost_usd double precision NOT NULL,
    called_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_ai_calls PRIMARY KEY (id),
    CONSTRAINT fk_ai_calls_lead_score_id FOREIGN KEY (lead_score_id) REFERENCES lead_scores (id) ON DELETE CASCADE,
    CONSTRAINT fk_ai_calls_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE INDEX ix_ai_calls_lead_score_id ON ai_calls (lead_score_id);
CREATE INDEX ix_ai_calls_workspace_id_called_at ON ai_calls (workspace_id, called_at);
