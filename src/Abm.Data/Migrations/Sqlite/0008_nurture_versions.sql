-- 0008: nurture sequence versions. A sequence is a draft, active or paused; editing it adds a version, and an
-- enrolment keeps the version it started on unless it is migrated explicitly.
ALTER TABLE "nurture_sequences" ADD COLUMN "description" TEXT NULL;
ALTER TABLE "nurture_sequences" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE "nurture_sequences" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
UPDATE "nurture_sequences" SET "status" = 'active' WHERE "is_active" = 1;
ALTER TABLE "nurture_sequences" DROP COLUMN "is_active";

CREATE TABLE "nurture_sequence_versions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_nurture_sequence_versions" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "sequence_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "fk_nurture_sequence_versions_sequence_id" FOREIGN KEY ("sequence_id") REFERENCES "nurture_sequences" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_nurture_sequence_versions_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_nurture_sequence_versions_sequence_id_version" ON "nurture_sequence_versions" ("sequence_id", "version");
CREATE INDEX "ix_nurture_sequence_versions_workspace_id" ON "nurture_sequence_versions" ("workspace_id");

ALTER TABLE "nurture_enrollments" ADD COLUMN "sequence_version" INTEGER NOT NULL DEFAULT 1;
