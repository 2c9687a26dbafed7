-- 0003: HubSpot connection and sync. Each sync run is recorded; a lease row says which instance may call a
-- portal; workspaces keep their own segment rules; a disconnected connection says why; sync state remembers
-- when the current full pass began, so the incremental watermark starts there once it ends.
CREATE TABLE "sync_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sync_runs" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "max_contacts" INTEGER NULL,
    "pages" INTEGER NOT NULL,
    "records" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "api_calls" INTEGER NOT NULL,
    "rate_limited" INTEGER NOT NULL,
    "error" TEXT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NULL,
    CONSTRAINT "fk_sync_runs_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_sync_runs_workspace_id_started_at" ON "sync_runs" ("workspace_id", "started_at");

CREATE TABLE "portal_leases" (
    "workspace_id" TEXT NOT NULL CONSTRAINT "pk_portal_leases" PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "fk_portal_leases_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

ALTER TABLE "workspaces" ADD COLUMN "segment_rules" TEXT NULL;
ALTER TABLE "oauth_connections" ADD COLUMN "status_reason" TEXT NULL;
ALTER TABLE "sync_state" ADD COLUMN "full_sync_started_at" TEXT NULL;
