-- Which worker claimed a run last: after a worker dies and its job is handed on, the run names the one that finished it.
alter table pipeline_run add column worker varchar(200);
