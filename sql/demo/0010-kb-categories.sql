-- Knowledge base demo data (issue 4), part 1: the category tree, the tags
-- and the FAQ topics of Portico Services GmbH, in English and German.
--
-- Ids are explicit so the article files (0011-0017), the related-article
-- and tag lists (0018) and the FAQ (0019) can refer to them.  Top-level
-- categories have ids 1-9, subcategories 10-17.

INSERT INTO kb_categories (id, parent_id, slug, position, audience) VALUES
  (1,  NULL, 'getting-started',             10, 'public'),
  (2,  NULL, 'account-access',              20, 'public'),
  (3,  NULL, 'devices-installation',        30, 'public'),
  (4,  NULL, 'maintenance-troubleshooting', 40, 'public'),
  (5,  NULL, 'orders-delivery',             50, 'public'),
  (6,  NULL, 'billing-contracts',           60, 'public'),
  (7,  NULL, 'software-integrations',       70, 'public'),
  (8,  NULL, 'partner-programme',           80, 'partner'),
  (9,  NULL, 'internal-procedures',         90, 'internal'),
  (10, 3,    'gateways-connectivity',       10, 'public'),
  (11, 4,    'error-codes',                 10, 'public'),
  (12, 4,    'preventive-maintenance',      20, 'public'),
  (13, 7,    'api-webhooks',                10, 'public'),
  (14, 2,    'single-sign-on',              10, 'customer'),
  (15, 8,    'partner-sales',               10, 'partner'),
  (16, 9,    'support-playbooks',           10, 'internal'),
  (17, 7,    'apps',                        20, 'public');

INSERT INTO kb_category_texts (category_id, lang, name, description) VALUES
  (1, 'en', 'Getting started', 'New to the portal? Start here: what you can do, how to find answers and how to reach us.'),
  (1, 'de', 'Erste Schritte', 'Neu im Portal? Hier beginnen: was Sie tun können, wie Sie Antworten finden und wie Sie uns erreichen.'),
  (2, 'en', 'Account & access', 'Passwords, colleagues, roles and sign-in.'),
  (2, 'de', 'Konto & Zugang', 'Passwörter, Kolleginnen und Kollegen, Rollen und Anmeldung.'),
  (3, 'en', 'Devices & installation', 'Installing and commissioning PX-200 gateways and VS-3 sensors.'),
  (3, 'de', 'Geräte & Installation', 'Installation und Inbetriebnahme von PX-200-Gateways und VS-3-Sensoren.'),
  (4, 'en', 'Maintenance & troubleshooting', 'Keep your installation running: checks, fixes and maintenance intervals.'),
  (4, 'de', 'Wartung & Fehlerbehebung', 'Damit Ihre Anlage läuft: Prüfungen, Lösungen und Wartungsintervalle.'),
  (5, 'en', 'Orders & delivery', 'Spare parts, approvals, delivery times, tracking and returns.'),
  (5, 'de', 'Bestellungen & Lieferung', 'Ersatzteile, Freigaben, Lieferzeiten, Sendungsverfolgung und Rücksendungen.'),
  (6, 'en', 'Billing & contracts', 'Invoices, payment, VAT and service contracts.'),
  (6, 'de', 'Rechnungen & Verträge', 'Rechnungen, Zahlung, Umsatzsteuer und Serviceverträge.'),
  (7, 'en', 'Software & integrations', 'Portico Monitor, the mobile app, the REST API and connections to your systems.'),
  (7, 'de', 'Software & Integrationen', 'Portico Monitor, die mobile App, die REST-API und Anbindungen an Ihre Systeme.'),
  (8, 'en', 'Partner programme', 'For resellers and service partners: tiers, demo equipment, certification and marketing.'),
  (8, 'de', 'Partnerprogramm', 'Für Wiederverkäufer und Servicepartner: Stufen, Vorführgeräte, Zertifizierung und Marketing.'),
  (9, 'en', 'Internal procedures', 'How Portico staff work: escalation, on-call duty, approvals and writing for the knowledge base.'),
  (9, 'de', 'Interne Abläufe', 'So arbeiten wir bei Portico: Eskalation, Rufbereitschaft, Freigaben und Schreiben für die Wissensdatenbank.'),
  (10, 'en', 'Gateways & connectivity', 'LTE, proxies, OPC UA and Modbus: getting data from the machine to the cloud.'),
  (10, 'de', 'Gateways & Konnektivität', 'LTE, Proxys, OPC UA und Modbus: Daten von der Maschine in die Cloud bringen.'),
  (11, 'en', 'Error codes', 'What the codes on the gateway display and in Portico Monitor mean, and what to do.'),
  (11, 'de', 'Fehlercodes', 'Was die Codes im Gateway-Display und in Portico Monitor bedeuten und was zu tun ist.'),
  (12, 'en', 'Preventive maintenance', 'Intervals, batteries and inspections that prevent downtime.'),
  (12, 'de', 'Vorbeugende Wartung', 'Intervalle, Batterien und Inspektionen, die Ausfälle verhindern.'),
  (13, 'en', 'API & webhooks', 'Automate with the Portico REST API and receive alarms in your own systems.'),
  (13, 'de', 'API & Webhooks', 'Automatisieren mit der Portico-REST-API und Alarme in eigenen Systemen empfangen.'),
  (14, 'en', 'Single sign-on', 'Sign in with your company account via SAML.'),
  (14, 'de', 'Single Sign-on', 'Anmeldung mit Ihrem Firmenkonto über SAML.'),
  (15, 'en', 'Partner sales', 'Deal registration, quotes and first-level support for your customers.'),
  (15, 'de', 'Partnervertrieb', 'Projektregistrierung, Angebote und First-Level-Support für Ihre Kunden.'),
  (16, 'en', 'Support playbooks', 'Step-by-step procedures for common support cases.'),
  (16, 'de', 'Support-Playbooks', 'Schritt-für-Schritt-Abläufe für häufige Supportfälle.'),
  (17, 'en', 'Apps', 'Portico Monitor in the browser and Portico Connect on your phone.'),
  (17, 'de', 'Apps', 'Portico Monitor im Browser und Portico Connect auf dem Smartphone.');

INSERT INTO kb_tags (id, name) VALUES
  (1, 'px-200'), (2, 'vs-3'), (3, 'gateway'), (4, 'sensor'), (5, 'network'),
  (6, 'firmware'), (7, 'password'), (8, 'account'), (9, 'roles'), (10, 'sso'),
  (11, 'orders'), (12, 'rma'), (13, 'delivery'), (14, 'invoice'), (15, 'contract'),
  (16, 'api'), (17, 'webhooks'), (18, 'csv'), (19, 'mobile'), (20, 'dashboard'),
  (21, 'alarm'), (22, 'error-code'), (23, 'maintenance'), (24, 'partner'),
  (25, 'deal-registration'), (26, 'certification'), (27, 'escalation'),
  (28, 'on-call'), (29, 'security'), (30, 'gdpr'), (31, 'opc-ua'), (32, 'modbus'),
  (33, 'lte'), (34, 'proxy'), (35, 'billing'), (36, 'vat'), (37, 'installation'),
  (38, 'battery'), (39, 'support'), (40, 'portico-monitor'), (41, 'sap'),
  (42, 'approval'), (43, 'onboarding'), (44, 'writing');

INSERT INTO kb_faq_topics (id, slug, position) VALUES
  (1, 'portal-account', 10),
  (2, 'devices',        20),
  (3, 'orders',         30),
  (4, 'billing',        40),
  (5, 'software',       50),
  (6, 'partners',       60);

INSERT INTO kb_faq_topic_texts (topic_id, lang, name) VALUES
  (1, 'en', 'Portal & account'),     (1, 'de', 'Portal & Konto'),
  (2, 'en', 'Devices & sensors'),    (2, 'de', 'Geräte & Sensoren'),
  (3, 'en', 'Orders & delivery'),    (3, 'de', 'Bestellungen & Lieferung'),
  (4, 'en', 'Billing & contracts'),  (4, 'de', 'Rechnungen & Verträge'),
  (5, 'en', 'Software & API'),       (5, 'de', 'Software & API'),
  (6, 'en', 'Partners'),             (6, 'de', 'Partner');
