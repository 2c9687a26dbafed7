-- 0028: an experiment's exposures say how the contact met the item: 'shown' (served as a recommendation) or 'sent'
-- (emailed by a nurture sequence). Each is recorded once per contact and item, so an item first shown and later
-- sent has both rows.
ALTER TABLE experiment_exposures ADD COLUMN channel character varying(10) NOT NULL DEFAULT 'shown';
DROP INDEX ix_experiment_exposures_experiment_id_contact_id_content_id;
CREATE UNIQUE INDEX idx_experiment_exposures_once_per_channel ON experiment_exposures (experiment_id, contact_id, content_id, channel);
