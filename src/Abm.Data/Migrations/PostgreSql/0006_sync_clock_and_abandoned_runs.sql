-- 0006: incremental sync follows HubSpot's clock, and runs whose process is gone are marked abandoned.
-- full_sync_watermark: the newest modification HubSpot showed when the current full pass began, less the
-- search visibility margin; incremental sync starts from it once the pass ends.
ALTER TABLE sync_state ADD COLUMN full_sync_watermark timestamp with time zone;
-- holder: the process running the run (as named in portal_leases); abandoned_at/abandoned_reason: when and
-- why a run left running by a process that is gone was given up.
ALTER TABLE sync_runs ADD COLUMN holder character varying(200);
ALTER TABLE sync_runs ADD COLUMN abandoned_at timestamp with time zone;
ALTER TABLE sync_runs ADD COLUMN abandoned_reason text;
