-- 0023: the recommender's factor weights fitted on a workspace's own outcomes. Each fit keeps the weights in force
-- and those found, both judged on a fit period and a held-out period, and its fate: proposed (beat the weights in
-- force on the held-out period by the margin), not_better, active (approved: the workspace's weights), rejected or
-- superseded. A workspace without an active fit uses the default weights.
CREATE TABLE "recommender_weight_fits" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recommender_weight_fits" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "current_weights" TEXT NOT NULL,
    "fitted_weights" TEXT NOT NULL,
    "evaluation" TEXT NOT NULL,
    "fit_cutoff" TEXT NOT NULL,
    "held_out_cutoff" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "decided_at" TEXT NULL,
    "decided_by" TEXT NULL,
    CONSTRAINT "fk_recommender_weight_fits_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_recommender_weight_fits_workspace_id_status" ON "recommender_weight_fits" ("workspace_id", "status");
CREATE INDEX "ix_recommender_weight_fits_workspace_id_created_at" ON "recommender_weight_fits" ("workspace_id", "created_at");
