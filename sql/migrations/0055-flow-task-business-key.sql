-- Workers find the user task of their own case by its business key (the
-- order page's approval, the return page's inspection): flow_tasks keeps a
-- copy of the instance's business key, and this index finds its open task.
ALTER TABLE flow_tasks ADD KEY flow_tasks_business_key (business_key, state);
