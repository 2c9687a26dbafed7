-- 0022: a lead scored while the embedding model failed has no similarity to the ideal clients; it is marked, so the
-- automatic round scores it again once the model answers.
ALTER TABLE "lead_scores" ADD COLUMN "similarity_unavailable" INTEGER NOT NULL DEFAULT 0;
