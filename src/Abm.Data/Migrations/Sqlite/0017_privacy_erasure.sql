-- 0017: erased contacts. A tombstone keeps the local id the contact had (so a second erasure knows it is done),
-- salted hashes of the contact's HubSpot id and email, when and who asked,
-- so a later sync or webhook cannot bring the person back; the salt is the workspace's own, made at its first erasure.
CREATE TABLE "privacy_tombstones" (
    "id" TEXT NOT NULL CONSTRAINT "pk_privacy_tombstones" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "hubspot_id_hash" TEXT NULL,
    "email_hash" TEXT NULL,
    "erased_at" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    CONSTRAINT "fk_privacy_tombstones_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_privacy_tombstones_workspace_id_hubspot_id_hash" ON "privacy_tombstones" ("workspace_id", "hubspot_id_hash");
CREATE INDEX "ix_privacy_tombstones_contact_id" ON "privacy_tombstones" ("contact_id");
CREATE INDEX "ix_privacy_tombstones_workspace_id_email_hash" ON "privacy_tombstones" ("workspace_id", "email_hash");
ALTER TABLE "workspaces" ADD COLUMN "privacy_salt" BLOB NULL;
