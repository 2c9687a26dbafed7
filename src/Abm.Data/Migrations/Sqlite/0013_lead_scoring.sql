-- 0013: lead scoring. An ideal-client example says where it came from (the profile itself or a closed-won
-- company) and which embedding model, of which dimension, made its vector. A lead score row records which
-- scorer answered (provider, model, whether the deterministic fallback did), what it cost and, for audit, the
-- prompt and answer; the current row per contact is flagged so the priority queues read one row per lead.
ALTER TABLE "icp_profiles" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'profile';
ALTER TABLE "icp_profiles" ADD COLUMN "embedding_model" TEXT NULL;
ALTER TABLE "icp_profiles" ADD COLUMN "embedding_dimensions" INTEGER NULL;

ALTER TABLE "lead_scores" ADD COLUMN "is_current" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "lead_scores" ADD COLUMN "provider" TEXT NOT NULL DEFAULT 'fallback';
ALTER TABLE "lead_scores" ADD COLUMN "model" TEXT NULL;
ALTER TABLE "lead_scores" ADD COLUMN "used_fallback" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "lead_scores" ADD COLUMN "latency_ms" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "lead_scores" ADD COLUMN "input_tokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "lead_scores" ADD COLUMN "output_tokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "lead_scores" ADD COLUMN "estimated_cost_usd" REAL NOT NULL DEFAULT 0;
ALTER TABLE "lead_scores" ADD COLUMN "details" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "lead_scores" ADD COLUMN "prompt" TEXT NULL;
ALTER TABLE "lead_scores" ADD COLUMN "response" TEXT NULL;
CREATE UNIQUE INDEX "idx_lead_scores_current" ON "lead_scores" ("contact_id") WHERE is_current;
CREATE INDEX "idx_lead_scores_queue" ON "lead_scores" ("workspace_id", "priority", "score") WHERE is_current;
