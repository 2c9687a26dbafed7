-- 0001: the whole initial schema (DESIGN.md section 5). Applied once, in one transaction, by the migrator.
-- Never edit after release: add a new numbered file instead (the migrator refuses edited files).

CREATE TABLE workspaces (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    hubspot_portal_id character varying(50),
    is_default boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_workspaces PRIMARY KEY (id)
);

CREATE TABLE api_keys (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    prefix character varying(32) NOT NULL,
    secret_hash bytea NOT NULL,
    role character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT fk_api_keys_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE audit_log (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor character varying(100) NOT NULL,
    action character varying(100) NOT NULL,
    entity_type character varying(50) NOT NULL,
    entity_id character varying(100),
    details jsonb,
    CONSTRAINT pk_audit_log PRIMARY KEY (id),
    CONSTRAINT fk_audit_log_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE companies (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    hubspot_id character varying(50) NOT NULL,
    name character varying(255),
    domain character varying(255),
    industry character varying(100),
    employee_count integer,
    annual_revenue numeric(18,2),
    account_tier character varying(20),
    engagement_score integer NOT NULL,
    engagement_velocity double precision NOT NULL,
    properties jsonb NOT NULL,
    hubspot_updated_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    archived_at timestamp with time zone,
    CONSTRAINT pk_companies PRIMARY KEY (id),
    CONSTRAINT fk_companies_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE content_items (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    external_id character varying(100),
    title character varying(255) NOT NULL,
    content_type character varying(50) NOT NULL,
    complexity character varying(20) NOT NULL,
    topic character varying(100),
    url character varying(1000),
    file_path character varying(500),
    target_industries text[] NOT NULL,
    target_personas text[] NOT NULL,
    target_journey_stages text[] NOT NULL,
    published_at timestamp with time zone,
    duration_minutes integer,
    performance_metrics jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    archived_at timestamp with time zone,
    CONSTRAINT pk_content_items PRIMARY KEY (id),
    CONSTRAINT fk_content_items_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE experiments (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    key character varying(100) NOT NULL,
    name character varying(200) NOT NULL,
    variants jsonb NOT NULL,
    status character varying(20) NOT NULL,
    started_at timestamp with time zone,
    ended_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments PRIMARY KEY (id),
    CONSTRAINT fk_experiments_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE hubspot_outbox (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    object_type character varying(30) NOT NULL,
    hubspot_id character varying(50) NOT NULL,
    properties jsonb NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    error text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT pk_hubspot_outbox PRIMARY KEY (id),
    CONSTRAINT fk_hubspot_outbox_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE icp_profiles (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    definition jsonb NOT NULL,
    embedding bytea,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_icp_profiles PRIMARY KEY (id),
    CONSTRAINT fk_icp_profiles_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE nurture_sequences (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    key character varying(100) NOT NULL,
    name character varying(200) NOT NULL,
    definition jsonb NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_nurture_sequences PRIMARY KEY (id),
    CONSTRAINT fk_nurture_sequences_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE oauth_connections (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    portal_id character varying(50) NOT NULL,
    auth_kind character varying(20) NOT NULL,
    encrypted_access_token text NOT NULL,
    encrypted_refresh_token text,
    access_token_expires_at timestamp with time zone,
    scopes character varying(2000),
    status character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_oauth_connections PRIMARY KEY (id),
    CONSTRAINT fk_oauth_connections_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE owners (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    hubspot_id character varying(50) NOT NULL,
    user_id character varying(50),
    email character varying(255),
    first_name character varying(100),
    last_name character varying(100),
    archived boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_owners PRIMARY KEY (id),
    CONSTRAINT fk_owners_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE sync_state (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    object_type character varying(30) NOT NULL,
    full_sync_cursor character varying(200),
    full_sync_completed boolean NOT NULL,
    incremental_watermark timestamp with time zone,
    last_run_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sync_state PRIMARY KEY (id),
    CONSTRAINT fk_sync_state_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE webhook_inbox (
    id uuid NOT NULL,
    workspace_id uuid,
    payload jsonb NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    error text,
    received_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    CONSTRAINT pk_webhook_inbox PRIMARY KEY (id),
    CONSTRAINT fk_webhook_inbox_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE account_scores (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    company_id uuid NOT NULL,
    score double precision NOT NULL,
    velocity double precision NOT NULL,
    stakeholder_coverage double precision NOT NULL,
    role_counts jsonb NOT NULL,
    computed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_account_scores PRIMARY KEY (id),
    CONSTRAINT fk_account_scores_company_id FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_scores_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE contacts (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    hubspot_id character varying(50) NOT NULL,
    email character varying(255),
    first_name character varying(100),
    last_name character varying(100),
    job_title character varying(255),
    company_id uuid,
    owner_hubspot_id character varying(50),
    lifecycle_stage character varying(50),
    buying_role character varying(50),
    journey_stage character varying(50) NOT NULL,
    journey_stage_override character varying(50),
    persona_type character varying(50) NOT NULL,
    engagement_score integer NOT NULL,
    preferred_content_format character varying(50),
    last_interaction_at timestamp with time zone,
    segments text[] NOT NULL,
    properties jsonb NOT NULL,
    hubspot_updated_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    synced_at timestamp with time zone,
    archived_at timestamp with time zone,
    CONSTRAINT pk_contacts PRIMARY KEY (id),
    CONSTRAINT fk_contacts_company_id FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL,
    CONSTRAINT fk_contacts_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE deals (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    hubspot_id character varying(50) NOT NULL,
    name character varying(255),
    stage character varying(100),
    pipeline character varying(100),
    amount numeric(18,2),
    close_date timestamp with time zone,
    company_id uuid,
    owner_hubspot_id character varying(50),
    properties jsonb NOT NULL,
    hubspot_updated_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    archived_at timestamp with time zone,
    CONSTRAINT pk_deals PRIMARY KEY (id),
    CONSTRAINT fk_deals_company_id FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL,
    CONSTRAINT fk_deals_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE contact_scores (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    score double precision NOT NULL,
    recency double precision NOT NULL,
    frequency double precision NOT NULL,
    quality double precision NOT NULL,
    diversity double precision NOT NULL,
    progression double precision NOT NULL,
    computed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_contact_scores PRIMARY KEY (id),
    CONSTRAINT fk_contact_scores_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_scores_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE engagement_events (
    workspace_id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    event_type character varying(50) NOT NULL,
    content_id uuid,
    duration_seconds integer,
    metadata jsonb,
    source character varying(20) NOT NULL,
    client_event_id character varying(100),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_events PRIMARY KEY (workspace_id, occurred_at, id),
    CONSTRAINT fk_engagement_events_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_engagement_events_content_id FOREIGN KEY (content_id) REFERENCES content_items (id) ON DELETE SET NULL,
    CONSTRAINT fk_engagement_events_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE lead_scores (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    icp_profile_id uuid,
    score integer NOT NULL,
    fit character varying(20) NOT NULL,
    next_action character varying(20) NOT NULL,
    priority character varying(20) NOT NULL,
    reasoning text,
    method character varying(20) NOT NULL,
    scored_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_lead_scores PRIMARY KEY (id),
    CONSTRAINT fk_lead_scores_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_lead_scores_icp_profile_id FOREIGN KEY (icp_profile_id) REFERENCES icp_profiles (id) ON DELETE SET NULL,
    CONSTRAINT fk_lead_scores_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE nurture_enrollments (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    sequence_id uuid NOT NULL,
    current_action_index integer NOT NULL,
    next_action_due timestamp with time zone,
    status character varying(20) NOT NULL,
    enrolled_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    completion_data jsonb,
    CONSTRAINT pk_nurture_enrollments PRIMARY KEY (id),
    CONSTRAINT fk_nurture_enrollments_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_nurture_enrollments_sequence_id FOREIGN KEY (sequence_id) REFERENCES nurture_sequences (id) ON DELETE CASCADE,
    CONSTRAINT fk_nurture_enrollments_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE recommendations (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    content_id uuid NOT NULL,
    rank integer NOT NULL,
    score double precision NOT NULL,
    factors jsonb NOT NULL,
    reason character varying(500) NOT NULL,
    generated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_recommendations PRIMARY KEY (id),
    CONSTRAINT fk_recommendations_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_recommendations_content_id FOREIGN KEY (content_id) REFERENCES content_items (id) ON DELETE CASCADE,
    CONSTRAINT fk_recommendations_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE sales_tasks (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    contact_id uuid,
    hubspot_task_id character varying(50),
    subject character varying(255) NOT NULL,
    body text,
    priority character varying(10) NOT NULL,
    task_type character varying(10) NOT NULL,
    status character varying(20) NOT NULL,
    owner_hubspot_id character varying(50),
    due_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    synced_at timestamp with time zone,
    CONSTRAINT pk_sales_tasks PRIMARY KEY (id),
    CONSTRAINT fk_sales_tasks_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE SET NULL,
    CONSTRAINT fk_sales_tasks_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE deal_contacts (
    deal_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    CONSTRAINT pk_deal_contacts PRIMARY KEY (deal_id, contact_id),
    CONSTRAINT fk_deal_contacts_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    CONSTRAINT fk_deal_contacts_deal_id FOREIGN KEY (deal_id) REFERENCES deals (id) ON DELETE CASCADE,
    CONSTRAINT fk_deal_contacts_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_account_scores_company_id ON account_scores (company_id);

CREATE INDEX ix_account_scores_workspace_id ON account_scores (workspace_id);

CREATE UNIQUE INDEX ix_api_keys_prefix ON api_keys (prefix);

CREATE INDEX ix_api_keys_workspace_id ON api_keys (workspace_id);

CREATE INDEX ix_audit_log_workspace_id_occurred_at ON audit_log (workspace_id, occurred_at);

CREATE UNIQUE INDEX idx_companies_hubspot_id ON companies (workspace_id, hubspot_id);

CREATE UNIQUE INDEX ix_contact_scores_contact_id ON contact_scores (contact_id);

CREATE INDEX ix_contact_scores_workspace_id ON contact_scores (workspace_id);

CREATE UNIQUE INDEX idx_contacts_hubspot_id ON contacts (workspace_id, hubspot_id);

CREATE INDEX idx_contacts_journey_stage ON contacts (workspace_id, journey_stage);

CREATE INDEX ix_contacts_company_id ON contacts (company_id);

CREATE INDEX ix_contacts_workspace_id_email ON contacts (workspace_id, email);

CREATE INDEX idx_content_items_type_industry ON content_items (workspace_id, content_type, target_industries);

CREATE UNIQUE INDEX ix_content_items_workspace_id_external_id ON content_items (workspace_id, external_id) WHERE external_id IS NOT NULL;

CREATE INDEX ix_deal_contacts_contact_id ON deal_contacts (contact_id);

CREATE INDEX ix_deal_contacts_workspace_id ON deal_contacts (workspace_id);

CREATE UNIQUE INDEX idx_deals_hubspot_id ON deals (workspace_id, hubspot_id);

CREATE INDEX ix_deals_company_id ON deals (company_id);

CREATE INDEX idx_engagement_events_contact_timestamp ON engagement_events (contact_id, occurred_at);

CREATE INDEX idx_engagement_events_type ON engagement_events (workspace_id, event_type);

CREATE INDEX ix_engagement_events_content_id ON engagement_events (content_id);

CREATE UNIQUE INDEX ix_engagement_events_workspace_id_client_event_id ON engagement_events (workspace_id, client_event_id) WHERE client_event_id IS NOT NULL;

CREATE UNIQUE INDEX ix_experiments_workspace_id_key ON experiments (workspace_id, key);

CREATE INDEX idx_hubspot_outbox_due ON hubspot_outbox (next_attempt_at) WHERE status = 'pending';

CREATE UNIQUE INDEX idx_hubspot_outbox_pending_record ON hubspot_outbox (workspace_id, object_type, hubspot_id) WHERE status = 'pending';

CREATE UNIQUE INDEX ix_icp_profiles_workspace_id_name ON icp_profiles (workspace_id, name);

CREATE INDEX ix_lead_scores_contact_id_scored_at ON lead_scores (contact_id, scored_at);

CREATE INDEX ix_lead_scores_icp_profile_id ON lead_scores (icp_profile_id);

CREATE INDEX ix_lead_scores_workspace_id_priority ON lead_scores (workspace_id, priority);

CREATE INDEX idx_nurture_enrollments_due ON nurture_enrollments (next_action_due) WHERE status = 'active';

CREATE INDEX ix_nurture_enrollments_contact_id_sequence_id ON nurture_enrollments (contact_id, sequence_id);

CREATE INDEX ix_nurture_enrollments_sequence_id ON nurture_enrollments (sequence_id);

CREATE INDEX ix_nurture_enrollments_workspace_id ON nurture_enrollments (workspace_id);

CREATE UNIQUE INDEX ix_nurture_sequences_workspace_id_key ON nurture_sequences (workspace_id, key);

CREATE UNIQUE INDEX ix_oauth_connections_workspace_id ON oauth_connections (workspace_id);

CREATE UNIQUE INDEX idx_owners_hubspot_id ON owners (workspace_id, hubspot_id);

CREATE INDEX ix_recommendations_contact_id_rank ON recommendations (contact_id, rank);

CREATE INDEX ix_recommendations_content_id ON recommendations (content_id);

CREATE INDEX ix_recommendations_workspace_id ON recommendations (workspace_id);

CREATE INDEX ix_sales_tasks_contact_id ON sales_tasks (contact_id);

CREATE INDEX ix_sales_tasks_workspace_id_status_due_at ON sales_tasks (workspace_id, status, due_at);

CREATE UNIQUE INDEX ix_sync_state_workspace_id_object_type ON sync_state (workspace_id, object_type);

CREATE INDEX idx_webhook_inbox_pending ON webhook_inbox (received_at) WHERE status = 'pending';

CREATE INDEX ix_webhook_inbox_workspace_id ON webhook_inbox (workspace_id);

CREATE UNIQUE INDEX ix_workspaces_hubspot_portal_id ON workspaces (hubspot_portal_id);

