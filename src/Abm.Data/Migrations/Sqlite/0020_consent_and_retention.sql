-- 0020: consent kept locally. A suppression withdraws one purpose (email, tracking or profiling) for one contact,
-- whatever HubSpot says, with why, when and who; a workspace may require the tracking snippet's consent signal; and
-- each workspace keeps raw engagement events for its own number of days (730 by default), after which a daily job deletes them.
CREATE TABLE "contact_suppressions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contact_suppressions" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "reason" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "fk_contact_suppressions_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contact_suppressions_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_contact_suppressions_contact_id_purpose" ON "contact_suppressions" ("contact_id", "purpose");
CREATE INDEX "ix_contact_suppressions_workspace_id" ON "contact_suppressions" ("workspace_id");
ALTER TABLE "workspaces" ADD COLUMN "tracking_requires_consent" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "workspaces" ADD COLUMN "event_retention_days" INTEGER NOT NULL DEFAULT 730;
