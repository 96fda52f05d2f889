-- Rollouts run as jobs: every device's row is written when the rollout is queued (PENDING), in the order it is updated,
-- so a worker that takes over after another died carries on with the devices not yet done.
alter table rollout_device add column position integer;
