-- 0019: tasks nurture created remember when their owner completed them in HubSpot (read back by each sync) and
-- when their status was last asked, for the sequence stats' "tasks completed".
ALTER TABLE nurture_actions ADD COLUMN task_completed_at timestamp with time zone;
ALTER TABLE nurture_actions ADD COLUMN task_checked_at timestamp with time zone;
