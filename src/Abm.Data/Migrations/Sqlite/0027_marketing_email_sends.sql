-- 0027: sends of HubSpot marketing emails through the single-send API, to one contact or a HubSpot list's members, now
-- or scheduled. A send is claimed by moving due_at past a claim period, so two workers never send it at once; each
-- recipient's outcome is kept, and its row key is the HubSpot sendId, so a retry is not a second email.
CREATE TABLE "marketing_email_sends" (
    "id" TEXT NOT NULL CONSTRAINT "pk_marketing_email_sends" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "email_id" TEXT NOT NULL,
    "email_name" TEXT NULL,
    "email_campaign_ids" TEXT NOT NULL,
    "list_id" TEXT NULL,
    "status" TEXT NOT NULL,
    "scheduled_for" TEXT NULL,
    "due_at" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "started_at" TEXT NULL,
    "completed_at" TEXT NULL,
    CONSTRAINT "fk_marketing_email_sends_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_marketing_email_sends_workspace_id_created_at" ON "marketing_email_sends" ("workspace_id", "created_at");
CREATE INDEX "idx_marketing_email_sends_due" ON "marketing_email_sends" ("workspace_id", "due_at") WHERE status IN ('scheduled', 'sending');

CREATE TABLE "marketing_email_recipients" (
    "send_id" TEXT NOT NULL,
    "hubspot_contact_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "contact_id" TEXT NULL,
    "email" TEXT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NULL,
    "hubspot_status_id" TEXT NULL,
    "sent_at" TEXT NULL,
    CONSTRAINT "pk_marketing_email_recipients" PRIMARY KEY ("send_id", "hubspot_contact_id"),
    CONSTRAINT "fk_marketing_email_recipients_send_id" FOREIGN KEY ("send_id") REFERENCES "marketing_email_sends" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_marketing_email_recipients_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_marketing_email_recipients_workspace_id_contact_id" ON "marketing_email_recipients" ("workspace_id", "contact_id");
