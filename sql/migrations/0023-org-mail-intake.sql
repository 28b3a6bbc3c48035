-- Tickets by mail (portico-mailin): a mail to the support address opens a
-- ticket only when its sender is an active person of an organisation that
-- allows it.  Off by default: the provider's administrator turns it on per
-- organisation on its form.  Replies by mail to a ticket's reply address
-- arrive whatever this says.
ALTER TABLE orgs ADD COLUMN mail_intake TINYINT(1) NOT NULL DEFAULT 0;
