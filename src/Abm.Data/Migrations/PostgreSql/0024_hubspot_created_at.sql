-- 0024: when HubSpot created each contact, company and deal (its createdate), so the record lists under
-- /api/hubspot can filter by it. Rows synced before are filled from the createdate the sync kept in their properties
-- (an ISO 8601 moment; anything else is left empty until the record is read again).
ALTER TABLE contacts ADD COLUMN hubspot_created_at timestamp with time zone;
ALTER TABLE companies ADD COLUMN hubspot_created_at timestamp with time zone;
ALTER TABLE deals ADD COLUMN hubspot_created_at timestamp with time zone;
UPDATE contacts SET hubspot_created_at = (properties->>'createdate')::timestamptz
    WHERE properties->>'createdate' ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$';
UPDATE companies SET hubspot_created_at = (properties->>'createdate')::timestamptz
    WHERE properties->>'createdate' ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$';
UPDATE deals SET hubspot_created_at = (properties->>'createdate')::timestamptz
    WHERE properties->>'createdate' ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$';
CREATE INDEX ix_contacts_workspace_id_hubspot_created_at ON contacts (workspace_id, hubspot_created_at);
