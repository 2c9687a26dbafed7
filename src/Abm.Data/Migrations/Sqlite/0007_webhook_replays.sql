-- 0007: webhook replays. Each accepted signature is kept (as a hash) until its request is too old to be
-- accepted anyway, so a captured request sent again within that window is recognised and not applied twice.
CREATE TABLE "webhook_replays" (
    "signature_hash" BLOB NOT NULL CONSTRAINT "pk_webhook_replays" PRIMARY KEY,
    "expires_at" TEXT NOT NULL
);
CREATE INDEX "idx_webhook_replays_expires_at" ON "webhook_replays" ("expires_at");
