-- 0014: the HubSpot transactional email a workspace's nurture sends go through; null uses the server's setting
-- (Nurture__TransactionalEmailId).
ALTER TABLE workspaces ADD COLUMN nurture_transactional_email_id bigint;
