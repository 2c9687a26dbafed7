-- 0025: a contact keeps HubSpot's original source (hs_analytics_source), so contact analytics count sources in the
-- database instead of reading every record's property document; sync did not read the property before, so rows
-- synced earlier get it on their next full sync. A connection remembers when its OAuth token was last refreshed,
-- which the connection status shows.
ALTER TABLE contacts ADD COLUMN original_source character varying(100);
ALTER TABLE oauth_connections ADD COLUMN last_refreshed_at timestamp with time zone;
