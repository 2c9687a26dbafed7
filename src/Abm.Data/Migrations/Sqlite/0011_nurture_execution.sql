-- 0009: nurture execution. An enrolment remembers the step it is at (by id, with when it got there), how many
-- steps it has performed (the scope of an action's key, so a step visited again in a loop is a new action),
-- why it ended, what enrolled it, and its retry state. One active enrolment per sequence and contact.
ALTER TABLE "nurture_enrollments" ADD COLUMN "current_step_id" TEXT NULL;
ALTER TABLE "nurture_enrollments" ADD COLUMN "step_reached_at" TEXT NULL;
ALTER TABLE "nurture_enrollments" ADD COLUMN "steps_taken" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "nurture_enrollments" ADD COLUMN "exit_reason" TEXT NULL;
ALTER TABLE "nurture_enrollments" ADD COLUMN "enrolled_by" TEXT NULL;
ALTER TABLE "nurture_enrollments" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "nurture_enrollments" ADD COLUMN "last_error" TEXT NULL;
CREATE UNIQUE INDEX "idx_nurture_enrollments_active_contact" ON "nurture_enrollments" ("sequence_id", "contact_id") WHERE status = 'active';

-- The action log: one row per (enrolment, step, steps taken), written before HubSpot is called. Its id is the
-- email's sendId and the marker a retried task is looked up by, so a crash and a retry never act twice.
CREATE TABLE "nurture_actions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_nurture_actions" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "enrollment_id" TEXT NOT NULL,
    "sequence_id" TEXT NOT NULL,
    "sequence_version" INTEGER NOT NULL,
    "contact_id" TEXT NOT NULL,
    "company_id" TEXT NULL,
    "step_id" TEXT NOT NULL,
    "attempt_scope" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NULL,
    "content_id" TEXT NULL,
    "send_id" TEXT NULL,
    "hubspot_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    CONSTRAINT "fk_nurture_actions_enrollment_id" FOREIGN KEY ("enrollment_id") REFERENCES "nurture_enrollments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_nurture_actions_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "idx_nurture_actions_key" ON "nurture_actions" ("enrollment_id", "step_id", "attempt_scope");
CREATE INDEX "idx_nurture_actions_contact" ON "nurture_actions" ("workspace_id", "contact_id", "created_at");
CREATE INDEX "idx_nurture_actions_company" ON "nurture_actions" ("workspace_id", "company_id", "created_at");
CREATE INDEX "idx_nurture_actions_sequence" ON "nurture_actions" ("sequence_id", "step_id");

-- Guardrails a workspace set for its nurture sends (frequency caps, quiet hours, weekends); null keeps the defaults.
ALTER TABLE "workspaces" ADD COLUMN "nurture_guardrails" TEXT NULL;
