-- Where answers to a mail go: a ticket's mails carry its reply address
-- (support+t<ticket>-<HMAC>@domain) as Reply-To, so that a reply by mail
-- reaches the ticket through portico-mailin.  NULL: no Reply-To.
ALTER TABLE outbox ADD COLUMN reply_to VARCHAR(254) NULL;
