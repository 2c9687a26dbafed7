-- 0023: the recommender's factor weights fitted on a workspace's own outcomes. Each fit keeps the weights in force
-- and those found, both judged on a fit period and a held-out period, and its fate: proposed (beat the weights in
-- force on the held-out period by the margin), not_better, active (approved: the workspace's weights), rejected or
-- superseded. A workspace without an active fit uses the default weights.
CREATE TABLE recommender_weight_fits (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    status character varying(20) NOT NULL,
    current_weights jsonb NOT NULL,
    fitted_weights jsonb NOT NULL,
    evaluation jsonb NOT NULL,
    fit_cutoff timestamp with time zone NOT NULL,
    held_out_cutoff timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(256) NOT NULL,
    decided_at timestamp with time zone,
    decided_by character varying(256),
    CONSTRAINT pk_recommender_weight_fits PRIMARY KEY (id),
    CONSTRAINT fk_recommender_weight_fits_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE INDEX ix_recommender_weight_fits_workspace_id_status ON recommender_weight_fits (workspace_id, status);
CREATE INDEX ix_recommender_weight_fits_workspace_id_created_at ON recommender_weight_fits (workspace_id, created_at);
