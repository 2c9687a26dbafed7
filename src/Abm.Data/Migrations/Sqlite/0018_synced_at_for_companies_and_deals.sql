-- 0018: companies and deals remember when a sync last read them (contacts already do). A full pass archives
-- what it did not read; it used to judge that by updated_at, which the account roll-up also stamps, so a
-- roll-up that started before a pass and saved during it made freshly read accounts look unseen.
ALTER TABLE "companies" ADD COLUMN "synced_at" TEXT NULL;
ALTER TABLE "deals" ADD COLUMN "synced_at" TEXT NULL;
UPDATE "companies" SET "synced_at" = "updated_at";
UPDATE "deals" SET "synced_at" = "updated_at";
