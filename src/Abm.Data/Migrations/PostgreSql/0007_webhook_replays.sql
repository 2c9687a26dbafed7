-- 0007: webhook replays. Each accepted signature is kept (as a hash) until its request is too old to be
-- accepted anyway, so a captured request sent again within that window is recognised and not applied twice.
CREATE TABLE webhook_replays (
    signature_hash bytea NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_webhook_replays PRIMARY KEY (signature_hash)
);
CREATE INDEX idx_webhook_replays_expires_at ON webhook_replays (expires_at);
