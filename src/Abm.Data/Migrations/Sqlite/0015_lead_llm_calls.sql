-- 0015: language-model reasoning for lead scores. Every request to a model while scoring a lead (retries
-- included) is a row of ai_calls: provider, model, outcome, latency, tokens and estimated cost, for the AI status
-- and the admins' audit. A score the fallback answered although a model is configured says why.
ALTER TABLE "lead_scores" ADD COLUMN "fallback_reason" TEXT NULL;

CREATE TABLE "ai_calls" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ai_calls" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "lead_score_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER NULL,
    "latency_ms" INTEGER NOT NULL,
    "input_tokens" INTEGER NOT NULL,
    "output_tokens" INTEGER NOT NULL,
    "estimated_cost_usd" REAL NOT NULL,
    "called_at" TEXT NOT NULL,
    CONSTRAINT "fk_ai_calls_lead_score_id" FOREIGN KEY ("lead_score_id") REFERENCES "lead_scores" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_ai_calls_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_ai_calls_lead_score_id" ON "ai_calls" ("lead_score_id");
CREATE INDEX "ix_ai_calls_workspace_id_called_at" ON "ai_calls" ("workspace_id", "called_at");
