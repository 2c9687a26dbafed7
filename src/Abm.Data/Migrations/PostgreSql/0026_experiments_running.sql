-- 0026: experiments that run. An experiment compares arms (each a way of recommending, by its factor weights) on
-- accounts assigned deterministically from the experiment's id, with a holdout; its metric, alpha, the effect size
-- its sequential test is tuned to and its planned length; the last evaluation and the decision it stopped on.
-- Every item a contact in an arm is shown is an exposure, once per contact and item.
ALTER TABLE experiments ADD COLUMN kind character varying(20) NOT NULL DEFAULT 'recommendation';
ALTER TABLE experiments ADD COLUMN metric character varying(20) NOT NULL DEFAULT 'engaged_7d';
ALTER TABLE experiments ADD COLUMN holdout_share double precision NOT NULL DEFAULT 0;
ALTER TABLE experiments ADD COLUMN alpha double precision NOT NULL DEFAULT 0.05;
ALTER TABLE experiments ADD COLUMN effect_size double precision NOT NULL DEFAULT 0.05;
ALTER TABLE experiments ADD COLUMN max_days integer NOT NULL DEFAULT 30;
ALTER TABLE experiments ADD COLUMN decision character varying(1000);
ALTER TABLE experiments ADD COLUMN evaluation jsonb;
ALTER TABLE experiments ADD COLUMN evaluated_at timestamp with time zone;
ALTER TABLE experiments ADD COLUMN created_by character varying(256);
CREATE UNIQUE INDEX ix_experiments_workspace_id_kind ON experiments (workspace_id, kind) WHERE status = 'running';

CREATE TABLE experiment_exposures (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    experiment_id uuid NOT NULL,
    arm character varying(50) NOT NULL,
    unit_key character varying(64) NOT NULL,
    contact_id uuid NOT NULL,
    content_id uuid NOT NULL,
    exposed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiment_exposures PRIMARY KEY (id),
    CONSTRAINT fk_experiment_exposures_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_experiment_exposures_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (id) ON DELETE CASCADE,
    CONSTRAINT fk_experiment_exposures_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_experiment_exposures_experiment_id_contact_id_content_id ON experiment_exposures (experiment_id, contact_id, content_id);
CREATE INDEX ix_experiment_exposures_contact_id ON experiment_exposures (contact_id);
CREATE INDEX ix_experiment_exposures_workspace_id ON experiment_exposures (workspace_id);
