-- 0026: experiments that run. An experiment compares arms (each a way of recommending, by its factor weights) on
-- accounts assigned deterministically from the experiment's id, with a holdout; its metric, alpha, the effect size
-- its sequential test is tuned to and its planned length; the last evaluation and the decision it stopped on.
-- Every item a contact in an arm is shown is an exposure, once per contact and item.
ALTER TABLE "experiments" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'recommendation';
ALTER TABLE "experiments" ADD COLUMN "metric" TEXT NOT NULL DEFAULT 'engaged_7d';
ALTER TABLE "experiments" ADD COLUMN "holdout_share" REAL NOT NULL DEFAULT 0;
ALTER TABLE "experiments" ADD COLUMN "alpha" REAL NOT NULL DEFAULT 0.05;
ALTER TABLE "experiments" ADD COLUMN "effect_size" REAL NOT NULL DEFAULT 0.05;
ALTER TABLE "experiments" ADD COLUMN "max_days" INTEGER NOT NULL DEFAULT 30;
ALTER TABLE "experiments" ADD COLUMN "decision" TEXT NULL;
ALTER TABLE "experiments" ADD COLUMN "evaluation" TEXT NULL;
ALTER TABLE "experiments" ADD COLUMN "evaluated_at" TEXT NULL;
ALTER TABLE "experiments" ADD COLUMN "created_by" TEXT NULL;
CREATE UNIQUE INDEX "ix_experiments_workspace_id_kind" ON "experiments" ("workspace_id", "kind") WHERE status = 'running';

CREATE TABLE "experiment_exposures" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiment_exposures" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "unit_key" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "content_id" TEXT NOT NULL,
    "exposed_at" TEXT NOT NULL,
    CONSTRAINT "fk_experiment_exposures_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_experiment_exposures_experiment_id" FOREIGN KEY ("experiment_id") REFERENCES "experiments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_experiment_exposures_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_experiment_exposures_experiment_id_contact_id_content_id" ON "experiment_exposures" ("experiment_id", "contact_id", "content_id");
CREATE INDEX "ix_experiment_exposures_contact_id" ON "experiment_exposures" ("contact_id");
CREATE INDEX "ix_experiment_exposures_workspace_id" ON "experiment_exposures" ("workspace_id");
