-- 0005: write-back history. Every row of a record, whatever its status, is found by the record: the
-- last values sent decide whether a new score is worth writing, and old history is pruned by record.
CREATE INDEX idx_hubspot_outbox_record ON hubspot_outbox (workspace_id, object_type, hubspot_id, updated_at);
