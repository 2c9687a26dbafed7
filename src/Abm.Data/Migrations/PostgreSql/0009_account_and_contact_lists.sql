-- 0009: what the account and contact lists sort and filter by. A company keeps its HubSpot owner; an account
-- score keeps the journey stage most of its contacts are in and how many contacts it has (both filled when the
-- account is next rolled up, at the latest by the nightly pass). Indexes let the lists page by score, by name,
-- within a persona and within an account without sorting a whole workspace; they hold live records only, which is
-- all the lists show.
ALTER TABLE companies ADD COLUMN owner_hubspot_id character varying(50);
ALTER TABLE account_scores ADD COLUMN dominant_stage character varying(50);
ALTER TABLE account_scores ADD COLUMN contact_count integer NOT NULL DEFAULT 0;
UPDATE companies SET owner_hubspot_id = left(NULLIF(properties ->> 'hubspot_owner_id', ''), 50) WHERE properties ? 'hubspot_owner_id';

CREATE INDEX idx_companies_score ON companies (workspace_id, engagement_score) WHERE archived_at IS NULL;
CREATE INDEX idx_contacts_score ON contacts (workspace_id, engagement_score) WHERE archived_at IS NULL;
CREATE INDEX idx_contacts_name ON contacts (workspace_id, last_name, first_name) WHERE archived_at IS NULL;
CREATE INDEX idx_contacts_persona ON contacts (workspace_id, persona_type) WHERE archived_at IS NULL;
CREATE INDEX idx_contacts_company ON contacts (workspace_id, company_id, last_name, first_name) WHERE archived_at IS NULL;
