-- 0024: when HubSpot created each contact, company and deal (its createdate), so the record lists under
-- /api/hubspot can filter by it. Rows synced before are filled from the createdate the sync kept in their properties,
-- written as the provider writes moments (strftime gives NULL for anything that is not a moment).
ALTER TABLE "contacts" ADD COLUMN "hubspot_created_at" TEXT NULL;
ALTER TABLE "companies" ADD COLUMN "hubspot_created_at" TEXT NULL;
ALTER TABLE "deals" ADD COLUMN "hubspot_created_at" TEXT NULL;
UPDATE "contacts" SET "hubspot_created_at" = strftime('%Y-%m-%d %H:%M:%f', json_extract("properties", '$.createdate'))
    WHERE json_valid("properties") AND json_type("properties", '$.createdate') = 'text';
UPDATE "companies" SET "hubspot_created_at" = strftime('%Y-%m-%d %H:%M:%f', json_extract("properties", '$.createdate'))
    WHERE json_valid("properties") AND json_type("properties", '$.createdate') = 'text';
UPDATE "deals" SET "hubspot_created_at" = strftime('%Y-%m-%d %H:%M:%f', json_extract("properties", '$.createdate'))
    WHERE json_valid("properties") AND json_type("properties", '$.createdate') = 'text';
CREATE INDEX "ix_contacts_workspace_id_hubspot_created_at" ON "contacts" ("workspace_id", "hubspot_created_at");
