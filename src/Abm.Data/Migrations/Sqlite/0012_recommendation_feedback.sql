-- 0012: approve or skip, per contact and recommended item, from the dashboard or the API. One row per contact and
-- item (a later verdict replaces the earlier one); a skipped item is no longer recommended to that contact.
CREATE TABLE "recommendation_feedback" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recommendation_feedback" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "content_id" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "fk_recommendation_feedback_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_recommendation_feedback_content_id" FOREIGN KEY ("content_id") REFERENCES "content_items" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_recommendation_feedback_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_recommendation_feedback_contact_id_content_id" ON "recommendation_feedback" ("contact_id", "content_id");
CREATE INDEX "ix_recommendation_feedback_content_id" ON "recommendation_feedback" ("content_id");
CREATE INDEX "ix_recommendation_feedback_workspace_id" ON "recommendation_feedback" ("workspace_id");
