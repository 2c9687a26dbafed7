-- 0001: the whole initial schema (DESIGN.md section 5), SQLite dialect of the PostgreSQL file of the same name.
-- Never edit after release: add a new numbered file instead (the migrator refuses edited files).

CREATE TABLE "workspaces" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workspaces" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "hubspot_portal_id" TEXT NULL,
    "is_default" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" BLOB NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_api_keys_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL CONSTRAINT "pk_audit_log" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NULL,
    "details" TEXT NULL,
    CONSTRAINT "fk_audit_log_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "companies" (
    "id" TEXT NOT NULL CONSTRAINT "pk_companies" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "hubspot_id" TEXT NOT NULL,
    "name" TEXT NULL,
    "domain" TEXT NULL,
    "industry" TEXT NULL,
    "employee_count" INTEGER NULL,
    "annual_revenue" TEXT NULL,
    "account_tier" TEXT NULL,
    "engagement_score" INTEGER NOT NULL,
    "engagement_velocity" REAL NOT NULL,
    "properties" TEXT NOT NULL,
    "hubspot_updated_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "archived_at" TEXT NULL,
    CONSTRAINT "fk_companies_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "content_items" (
    "id" TEXT NOT NULL CONSTRAINT "pk_content_items" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "external_id" TEXT NULL,
    "title" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "complexity" TEXT NOT NULL,
    "topic" TEXT NULL,
    "url" TEXT NULL,
    "file_path" TEXT NULL,
    "target_industries" TEXT NOT NULL,
    "target_personas" TEXT NOT NULL,
    "target_journey_stages" TEXT NOT NULL,
    "published_at" TEXT NULL,
    "duration_minutes" INTEGER NULL,
    "performance_metrics" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "archived_at" TEXT NULL,
    CONSTRAINT "fk_content_items_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "experiments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiments" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "variants" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TEXT NULL,
    "ended_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_experiments_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "hubspot_outbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_hubspot_outbox" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "hubspot_id" TEXT NOT NULL,
    "properties" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    CONSTRAINT "fk_hubspot_outbox_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "icp_profiles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_icp_profiles" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "embedding" BLOB NULL,
    "is_active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_icp_profiles_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "nurture_sequences" (
    "id" TEXT NOT NULL CONSTRAINT "pk_nurture_sequences" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_nurture_sequences_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "oauth_connections" (
    "id" TEXT NOT NULL CONSTRAINT "pk_oauth_connections" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "portal_id" TEXT NOT NULL,
    "auth_kind" TEXT NOT NULL,
    "encrypted_access_token" TEXT NOT NULL,
    "encrypted_refresh_token" TEXT NULL,
    "access_token_expires_at" TEXT NULL,
    "scopes" TEXT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_oauth_connections_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "owners" (
    "id" TEXT NOT NULL CONSTRAINT "pk_owners" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "hubspot_id" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "email" TEXT NULL,
    "first_name" TEXT NULL,
    "last_name" TEXT NULL,
    "archived" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_owners_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "sync_state" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sync_state" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "full_sync_cursor" TEXT NULL,
    "full_sync_completed" INTEGER NOT NULL,
    "incremental_watermark" TEXT NULL,
    "last_run_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_sync_state_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "webhook_inbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_webhook_inbox" PRIMARY KEY,
    "workspace_id" TEXT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT NULL,
    "received_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    CONSTRAINT "fk_webhook_inbox_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "account_scores" (
    "id" TEXT NOT NULL CONSTRAINT "pk_account_scores" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "velocity" REAL NOT NULL,
    "stakeholder_coverage" REAL NOT NULL,
    "role_counts" TEXT NOT NULL,
    "computed_at" TEXT NOT NULL,
    CONSTRAINT "fk_account_scores_company_id" FOREIGN KEY ("company_id") REFERENCES "companies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_account_scores_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "contacts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contacts" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "hubspot_id" TEXT NOT NULL,
    "email" TEXT NULL,
    "first_name" TEXT NULL,
    "last_name" TEXT NULL,
    "job_title" TEXT NULL,
    "company_id" TEXT NULL,
    "owner_hubspot_id" TEXT NULL,
    "lifecycle_stage" TEXT NULL,
    "buying_role" TEXT NULL,
    "journey_stage" TEXT NOT NULL,
    "journey_stage_override" TEXT NULL,
    "persona_type" TEXT NOT NULL,
    "engagement_score" INTEGER NOT NULL,
    "preferred_content_format" TEXT NULL,
    "last_interaction_at" TEXT NULL,
    "segments" TEXT NOT NULL,
    "properties" TEXT NOT NULL,
    "hubspot_updated_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "synced_at" TEXT NULL,
    "archived_at" TEXT NULL,
    CONSTRAINT "fk_contacts_company_id" FOREIGN KEY ("company_id") REFERENCES "companies" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_contacts_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "deals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_deals" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "hubspot_id" TEXT NOT NULL,
    "name" TEXT NULL,
    "stage" TEXT NULL,
    "pipeline" TEXT NULL,
    "amount" TEXT NULL,
    "close_date" TEXT NULL,
    "company_id" TEXT NULL,
    "owner_hubspot_id" TEXT NULL,
    "properties" TEXT NOT NULL,
    "hubspot_updated_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "archived_at" TEXT NULL,
    CONSTRAINT "fk_deals_company_id" FOREIGN KEY ("company_id") REFERENCES "companies" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_deals_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "contact_scores" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contact_scores" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "recency" REAL NOT NULL,
    "frequency" REAL NOT NULL,
    "quality" REAL NOT NULL,
    "diversity" REAL NOT NULL,
    "progression" REAL NOT NULL,
    "computed_at" TEXT NOT NULL,
    CONSTRAINT "fk_contact_scores_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contact_scores_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "engagement_events" (
    "workspace_id" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "content_id" TEXT NULL,
    "duration_seconds" INTEGER NULL,
    "metadata" TEXT NULL,
    "source" TEXT NOT NULL,
    "client_event_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_engagement_events" PRIMARY KEY ("workspace_id", "occurred_at", "id"),
    CONSTRAINT "fk_engagement_events_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_engagement_events_content_id" FOREIGN KEY ("content_id") REFERENCES "content_items" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_engagement_events_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "lead_scores" (
    "id" TEXT NOT NULL CONSTRAINT "pk_lead_scores" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "icp_profile_id" TEXT NULL,
    "score" INTEGER NOT NULL,
    "fit" TEXT NOT NULL,
    "next_action" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "reasoning" TEXT NULL,
    "method" TEXT NOT NULL,
    "scored_at" TEXT NOT NULL,
    CONSTRAINT "fk_lead_scores_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_lead_scores_icp_profile_id" FOREIGN KEY ("icp_profile_id") REFERENCES "icp_profiles" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_lead_scores_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "nurture_enrollments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_nurture_enrollments" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "sequence_id" TEXT NOT NULL,
    "current_action_index" INTEGER NOT NULL,
    "next_action_due" TEXT NULL,
    "status" TEXT NOT NULL,
    "enrolled_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    "completion_data" TEXT NULL,
    CONSTRAINT "fk_nurture_enrollments_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_nurture_enrollments_sequence_id" FOREIGN KEY ("sequence_id") REFERENCES "nurture_sequences" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_nurture_enrollments_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "recommendations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recommendations" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "content_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "factors" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "generated_at" TEXT NOT NULL,
    CONSTRAINT "fk_recommendations_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_recommendations_content_id" FOREIGN KEY ("content_id") REFERENCES "content_items" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_recommendations_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "sales_tasks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sales_tasks" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NULL,
    "hubspot_task_id" TEXT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NULL,
    "priority" TEXT NOT NULL,
    "task_type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "owner_hubspot_id" TEXT NULL,
    "due_at" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "synced_at" TEXT NULL,
    CONSTRAINT "fk_sales_tasks_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_sales_tasks_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "deal_contacts" (
    "deal_id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    CONSTRAINT "pk_deal_contacts" PRIMARY KEY ("deal_id", "contact_id"),
    CONSTRAINT "fk_deal_contacts_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_deal_contacts_deal_id" FOREIGN KEY ("deal_id") REFERENCES "deals" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_deal_contacts_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_account_scores_company_id" ON "account_scores" ("company_id");

CREATE INDEX "ix_account_scores_workspace_id" ON "account_scores" ("workspace_id");

CREATE UNIQUE INDEX "ix_api_keys_prefix" ON "api_keys" ("prefix");

CREATE INDEX "ix_api_keys_workspace_id" ON "api_keys" ("workspace_id");

CREATE INDEX "ix_audit_log_workspace_id_occurred_at" ON "audit_log" ("workspace_id", "occurred_at");

CREATE UNIQUE INDEX "idx_companies_hubspot_id" ON "companies" ("workspace_id", "hubspot_id");

CREATE UNIQUE INDEX "ix_contact_scores_contact_id" ON "contact_scores" ("contact_id");

CREATE INDEX "ix_contact_scores_workspace_id" ON "contact_scores" ("workspace_id");

CREATE UNIQUE INDEX "idx_contacts_hubspot_id" ON "contacts" ("workspace_id", "hubspot_id");

CREATE INDEX "idx_contacts_journey_stage" ON "contacts" ("workspace_id", "journey_stage");

CREATE INDEX "ix_contacts_company_id" ON "contacts" ("company_id");

CREATE INDEX "ix_contacts_workspace_id_email" ON "contacts" ("workspace_id", "email");

CREATE INDEX "idx_content_items_type_industry" ON "content_items" ("workspace_id", "content_type", "target_industries");

CREATE UNIQUE INDEX "ix_content_items_workspace_id_external_id" ON "content_items" ("workspace_id", "external_id") WHERE external_id IS NOT NULL;

CREATE INDEX "ix_deal_contacts_contact_id" ON "deal_contacts" ("contact_id");

CREATE INDEX "ix_deal_contacts_workspace_id" ON "deal_contacts" ("workspace_id");

CREATE UNIQUE INDEX "idx_deals_hubspot_id" ON "deals" ("workspace_id", "hubspot_id");

CREATE INDEX "ix_deals_company_id" ON "deals" ("company_id");

CREATE INDEX "idx_engagement_events_contact_timestamp" ON "engagement_events" ("contact_id", "occurred_at");

CREATE INDEX "idx_engagement_events_type" ON "engagement_events" ("workspace_id", "event_type");

CREATE INDEX "ix_engagement_events_content_id" ON "engagement_events" ("content_id");

CREATE UNIQUE INDEX "ix_engagement_events_workspace_id_client_event_id" ON "engagement_events" ("workspace_id", "client_event_id") WHERE client_event_id IS NOT NULL;

CREATE UNIQUE INDEX "ix_experiments_workspace_id_key" ON "experiments" ("workspace_id", "key");

CREATE INDEX "idx_hubspot_outbox_due" ON "hubspot_outbox" ("next_attempt_at") WHERE status = 'pending';

CREATE UNIQUE INDEX "idx_hubspot_outbox_pending_record" ON "hubspot_outbox" ("workspace_id", "object_type", "hubspot_id") WHERE status = 'pending';

CREATE UNIQUE INDEX "ix_icp_profiles_workspace_id_name" ON "icp_profiles" ("workspace_id", "name");

CREATE INDEX "ix_lead_scores_contact_id_scored_at" ON "lead_scores" ("contact_id", "scored_at");

CREATE INDEX "ix_lead_scores_icp_profile_id" ON "lead_scores" ("icp_profile_id");

CREATE INDEX "ix_lead_scores_workspace_id_priority" ON "lead_scores" ("workspace_id", "priority");

CREATE INDEX "idx_nurture_enrollments_due" ON "nurture_enrollments" ("next_action_due") WHERE status = 'active';

CREATE INDEX "ix_nurture_enrollments_contact_id_sequence_id" ON "nurture_enrollments" ("contact_id", "sequence_id");

CREATE INDEX "ix_nurture_enrollments_sequence_id" ON "nurture_enrollments" ("sequence_id");

CREATE INDEX "ix_nurture_enrollments_workspace_id" ON "nurture_enrollments" ("workspace_id");

CREATE UNIQUE INDEX "ix_nurture_sequences_workspace_id_key" ON "nurture_sequences" ("workspace_id", "key");

CREATE UNIQUE INDEX "ix_oauth_connections_workspace_id" ON "oauth_connections" ("workspace_id");

CREATE UNIQUE INDEX "idx_owners_hubspot_id" ON "owners" ("workspace_id", "hubspot_id");

CREATE INDEX "ix_recommendations_contact_id_rank" ON "recommendations" ("contact_id", "rank");

CREATE INDEX "ix_recommendations_content_id" ON "recommendations" ("content_id");

CREATE INDEX "ix_recommendations_workspace_id" ON "recommendations" ("workspace_id");

CREATE INDEX "ix_sales_tasks_contact_id" ON "sales_tasks" ("contact_id");

CREATE INDEX "ix_sales_tasks_workspace_id_status_due_at" ON "sales_tasks" ("workspace_id", "status", "due_at");

CREATE UNIQUE INDEX "ix_sync_state_workspace_id_object_type" ON "sync_state" ("workspace_id", "object_type");

CREATE INDEX "idx_webhook_inbox_pending" ON "webhook_inbox" ("received_at") WHERE status = 'pending';

CREATE INDEX "ix_webhook_inbox_workspace_id" ON "webhook_inbox" ("workspace_id");

CREATE UNIQUE INDEX "ix_workspaces_hubspot_portal_id" ON "workspaces" ("hubspot_portal_id");

