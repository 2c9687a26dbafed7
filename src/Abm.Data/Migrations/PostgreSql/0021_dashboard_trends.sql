-- 0021: daily score history for the dashboard's trends. Each recompute leaves the day's figures: one row per account
-- (its engagement trend) and one per workspace (the overview's 30- and 90-day trends), replaced within the day.
CREATE TABLE account_score_days (
    company_id uuid NOT NULL,
    day timestamp with time zone NOT NULL,
    workspace_id uuid NOT NULL,
    score double precision NOT NULL,
    stakeholder_coverage double precision NOT NULL,
    CONSTRAINT pk_account_score_days PRIMARY KEY (company_id, day),
    CONSTRAINT fk_account_score_days_company_id FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_score_days_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_score_days_workspace_id_day ON account_score_days (workspace_id, day);
CREATE TABLE workspace_score_days (
    workspace_id uuid NOT NULL,
    day timestamp with time zone NOT NULL,
    accounts integer NOT NULL,
    average_engagement double precision NOT NULL,
    hot_accounts integer NOT NULL,
    engaged_accounts integer NOT NULL,
    warming_accounts integer NOT NULL,
    cold_accounts integer NOT NULL,
    average_stakeholder_coverage double precision NOT NULL,
    content_reached integer NOT NULL,
    content_meetings integer NOT NULL,
    CONSTRAINT pk_workspace_score_days PRIMARY KEY (workspace_id, day),
    CONSTRAINT fk_workspace_score_days_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
