-- Knowledge base demo data, part 2: articles 1-13, "Getting started" and
-- "Account & access" (with "Single sign-on").
--
-- Every article file has the same shape: one INSERT of the articles'
-- metadata, then one INSERT per article with its texts (en, de).  Bodies
-- are clean XHTML of the sanitiser's allow-list; body_text (the same text
-- without markup) and the texts' updated_at are filled in by
-- 0018-kb-tags-related.sql for every article at once.

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (1,  1,  'welcome-to-the-portal',        'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 360 DAY, UTC_TIMESTAMP(6) - INTERVAL 21 DAY,  UTC_TIMESTAMP(6) - INTERVAL 360 DAY, 4210, 118, 6),
  (2,  1,  'first-week-checklist',         'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 355 DAY, UTC_TIMESTAMP(6) - INTERVAL 64 DAY,  UTC_TIMESTAMP(6) - INTERVAL 355 DAY, 1388, 61, 4),
  (3,  1,  'searching-the-knowledge-base', 'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 340 DAY, UTC_TIMESTAMP(6) - INTERVAL 120 DAY, UTC_TIMESTAMP(6) - INTERVAL 340 DAY, 962,  37, 5),
  (4,  1,  'opening-a-support-ticket',     'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 338 DAY, UTC_TIMESTAMP(6) - INTERVAL 12 DAY,  UTC_TIMESTAMP(6) - INTERVAL 338 DAY, 3075, 97, 11),
  (5,  1,  'service-levels-explained',     'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 330 DAY, UTC_TIMESTAMP(6) - INTERVAL 75 DAY,  UTC_TIMESTAMP(6) - INTERVAL 330 DAY, 2240, 74, 9),
  (6,  2,  'reset-your-password',          'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 359 DAY, UTC_TIMESTAMP(6) - INTERVAL 33 DAY,  UTC_TIMESTAMP(6) - INTERVAL 359 DAY, 5630, 204, 17),
  (7,  2,  'inviting-colleagues',          'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 350 DAY, UTC_TIMESTAMP(6) - INTERVAL 88 DAY,  UTC_TIMESTAMP(6) - INTERVAL 350 DAY, 1712, 66, 3),
  (8,  2,  'roles-and-permissions',        'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 349 DAY, UTC_TIMESTAMP(6) - INTERVAL 47 DAY,  UTC_TIMESTAMP(6) - INTERVAL 349 DAY, 1495, 58, 7),
  (9,  2,  'keeping-your-account-secure',  'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, UTC_TIMESTAMP(6) - INTERVAL 150 DAY, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, 874,  29, 2),
  (10, 2,  'email-language-time-zone',     'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 290 DAY, UTC_TIMESTAMP(6) - INTERVAL 140 DAY, UTC_TIMESTAMP(6) - INTERVAL 290 DAY, 690,  24, 3),
  (11, 2,  'when-a-colleague-leaves',      'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 270 DAY, UTC_TIMESTAMP(6) - INTERVAL 95 DAY,  UTC_TIMESTAMP(6) - INTERVAL 270 DAY, 433,  19, 1),
  (12, 14, 'single-sign-on-overview',      'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 200 DAY, UTC_TIMESTAMP(6) - INTERVAL 30 DAY,  UTC_TIMESTAMP(6) - INTERVAL 200 DAY, 512,  21, 4),
  (13, 14, 'saml-with-microsoft-entra-id', 'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 190 DAY, UTC_TIMESTAMP(6) - INTERVAL 9 DAY,   UTC_TIMESTAMP(6) - INTERVAL 190 DAY, 298,  14, 3);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(1, 'en', 'Welcome to the Portico self-service portal',
 'What the portal does for you, what you can find where, and how to get help when the knowledge base is not enough.',
 '<p>The Portico portal is the single place for everything around your gateways, sensors and service contracts. Most questions can be answered here in a few minutes, at any time of day, without waiting for a call back.</p>
<h2>What you can do in the portal</h2>
<ul>
<li><strong>Knowledge base</strong>: step-by-step guides, error codes and maintenance advice for the PX-200 gateway, the VS-3 vibration sensor and Portico Monitor.</li>
<li><strong>Tickets</strong>: report a problem or ask a question, follow the answer and add information.</li>
<li><strong>Orders</strong>: order spare parts and accessories, with approvals and budgets set by your administrator.</li>
<li><strong>Invoices and contracts</strong>: download invoices and see which service contract covers which site.</li>
</ul>
<h2>Where to start</h2>
<p>If you are the first person from your company in the portal, read <em>Your first week: a checklist for customer administrators</em>. It explains how to invite colleagues and which roles to give them. Everybody else can go straight to the search box at the top of the knowledge base: it understands plain questions such as <em>gateway offline</em> or <em>change invoice address</em>.</p>
<h2>Languages</h2>
<p>The portal speaks English and German. Choose your language in your account settings; articles that are not yet translated are shown in English and marked as such.</p>
<h2>When you need a person</h2>
<p>If the knowledge base does not solve your problem, <a href="/kb/articles/4">open a support ticket</a>. Tickets reach the team responsible for your contract, and the response times are described in <a href="/kb/articles/5">Service levels and response times explained</a>.</p>', '', UTC_TIMESTAMP(6)),
(1, 'de', 'Willkommen im Portico-Selfservice-Portal',
 'Was das Portal für Sie leistet, was Sie wo finden und wie Sie Hilfe bekommen, wenn die Wissensdatenbank nicht reicht.',
 '<p>Das Portico-Portal ist die zentrale Stelle für alles rund um Ihre Gateways, Sensoren und Serviceverträge. Die meisten Fragen lassen sich hier in wenigen Minuten beantworten – zu jeder Tageszeit und ohne auf einen Rückruf zu warten.</p>
<h2>Was Sie im Portal tun können</h2>
<ul>
<li><strong>Wissensdatenbank</strong>: Schritt-für-Schritt-Anleitungen, Fehlercodes und Wartungshinweise für das PX-200-Gateway, den VS-3-Schwingungssensor und Portico Monitor.</li>
<li><strong>Tickets</strong>: Probleme melden oder Fragen stellen, die Antwort verfolgen und Informationen ergänzen.</li>
<li><strong>Bestellungen</strong>: Ersatzteile und Zubehör bestellen, mit Freigaben und Budgets, die Ihre Administratorin oder Ihr Administrator festlegt.</li>
<li><strong>Rechnungen und Verträge</strong>: Rechnungen herunterladen und sehen, welcher Servicevertrag welchen Standort abdeckt.</li>
</ul>
<h2>Wo Sie anfangen</h2>
<p>Wenn Sie die erste Person Ihres Unternehmens im Portal sind, lesen Sie <em>Ihre erste Woche: Checkliste für Kundenadministratoren</em>. Dort steht, wie Sie Kolleginnen und Kollegen einladen und welche Rollen Sie vergeben. Alle anderen können direkt das Suchfeld der Wissensdatenbank nutzen: Es versteht einfache Fragen wie <em>Gateway offline</em> oder <em>Rechnungsadresse ändern</em>.</p>
<h2>Sprachen</h2>
<p>Das Portal spricht Deutsch und Englisch. Die Sprache wählen Sie in Ihren Kontoeinstellungen; noch nicht übersetzte Artikel werden auf Englisch angezeigt und entsprechend gekennzeichnet.</p>
<h2>Wenn Sie einen Menschen brauchen</h2>
<p>Löst die Wissensdatenbank Ihr Problem nicht, <a href="/kb/articles/4">eröffnen Sie ein Supportticket</a>. Tickets erreichen das für Ihren Vertrag zuständige Team; die Reaktionszeiten stehen in <a href="/kb/articles/5">Servicelevel und Reaktionszeiten erklärt</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(2, 'en', 'Your first week: a checklist for customer administrators',
 'Seven things the first administrator of a company should set up in the portal so colleagues can order, report problems and find answers on their own.',
 '<p>As a customer administrator you decide who from your company uses the portal and what they may do. An hour spent on the following points in the first week saves many e-mails later.</p>
<ol>
<li><strong>Check your company details.</strong> Under <em>Organisation</em>, verify the invoice address, VAT number and default language. Invoices are issued to the address stored here.</li>
<li><strong>Invite your colleagues.</strong> Invite the people who operate the machines, the buyers and whoever approves orders. See <a href="/kb/articles/7">Inviting colleagues and assigning roles</a>.</li>
<li><strong>Assign roles deliberately.</strong> A buyer can place orders, an approver releases orders above the buyer’s limit. The full list is in <a href="/kb/articles/8">Roles in the portal</a>.</li>
<li><strong>Set budgets.</strong> Define an order limit per order and per month for the company and, if you like, lower limits for buyers.</li>
<li><strong>Register your sites.</strong> Make sure every site with Portico equipment appears in your contract overview; if one is missing, open a ticket.</li>
<li><strong>Bookmark the knowledge base.</strong> Point your team to the search and to the FAQ before they write a ticket.</li>
<li><strong>Decide on single sign-on.</strong> Larger companies often prefer to sign in with their own directory; read <a href="/kb/articles/12">Single sign-on with your company directory</a>.</li>
</ol>
<h2>After the first week</h2>
<p>Review the user list once a quarter and deactivate accounts of people who left. The portal keeps their history, so nothing is lost.</p>', '', UTC_TIMESTAMP(6)),
(2, 'de', 'Ihre erste Woche: Checkliste für Kundenadministratoren',
 'Sieben Dinge, die die erste Administratorin oder der erste Administrator eines Unternehmens im Portal einrichten sollte, damit das Team selbstständig bestellen, Probleme melden und Antworten finden kann.',
 '<p>Als Kundenadministrator entscheiden Sie, wer aus Ihrem Unternehmen das Portal nutzt und was er dort darf. Eine Stunde für die folgenden Punkte in der ersten Woche spart später viele E-Mails.</p>
<ol>
<li><strong>Firmendaten prüfen.</strong> Kontrollieren Sie unter <em>Organisation</em> Rechnungsadresse, USt-IdNr. und Standardsprache. Rechnungen gehen an die hier hinterlegte Adresse.</li>
<li><strong>Kolleginnen und Kollegen einladen.</strong> Laden Sie die Personen ein, die die Maschinen betreuen, bestellen oder Bestellungen freigeben. Siehe <a href="/kb/articles/7">Kolleginnen und Kollegen einladen und Rollen vergeben</a>.</li>
<li><strong>Rollen bewusst vergeben.</strong> Einkäufer bestellen, Freigebende geben Bestellungen über dem Limit des Einkäufers frei. Die vollständige Liste steht in <a href="/kb/articles/8">Rollen im Portal</a>.</li>
<li><strong>Budgets festlegen.</strong> Legen Sie ein Limit pro Bestellung und pro Monat für das Unternehmen fest und bei Bedarf niedrigere Limits für Einkäufer.</li>
<li><strong>Standorte erfassen.</strong> Jeder Standort mit Portico-Geräten sollte in Ihrer Vertragsübersicht erscheinen; fehlt einer, eröffnen Sie ein Ticket.</li>
<li><strong>Wissensdatenbank bekannt machen.</strong> Verweisen Sie Ihr Team auf die Suche und die FAQ, bevor es ein Ticket schreibt.</li>
<li><strong>Über Single Sign-on entscheiden.</strong> Größere Unternehmen melden sich oft lieber über ihr eigenes Verzeichnis an; lesen Sie <a href="/kb/articles/12">Single Sign-on mit Ihrem Unternehmensverzeichnis</a>.</li>
</ol>
<h2>Nach der ersten Woche</h2>
<p>Prüfen Sie die Benutzerliste einmal im Quartal und deaktivieren Sie Konten von Personen, die das Unternehmen verlassen haben. Das Portal behält ihren Verlauf, es geht also nichts verloren.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(3, 'en', 'How to search the knowledge base effectively',
 'Tips for finding the right article quickly: good search words, filters, error codes and what to do when nothing is found.',
 '<p>The knowledge base search ranks articles by how well they match your words. A match in the title counts more than a match in the text, so the most specific article is usually at the top.</p>
<h2>Good search words</h2>
<ul>
<li>Use the words you see on the screen or the device: <em>E204</em>, <em>LTE</em>, <em>certificate</em>.</li>
<li>Name the product: <em>PX-200 firmware</em> finds more precise results than <em>update</em>.</li>
<li>Two or three words are enough. Whole sentences work too, but short queries are easier to refine.</li>
</ul>
<h2>Filters</h2>
<p>On the result page you can narrow the list to one category, one tag such as <em>gateway</em> or <em>invoice</em>, or one language. The filters are combined, and the number of results is shown next to each filter.</p>
<h2>Error codes</h2>
<p>Every code shown on the gateway display has its own article. Search for the code exactly as displayed, for example <em>E101</em>, or browse the category <em>Error codes</em> under Maintenance and troubleshooting.</p>
<h2>When nothing is found</h2>
<p>If the search finds nothing, check the spelling; the portal suggests a corrected word when it knows a similar one. Otherwise try a more general word or browse the categories. Still stuck? <a href="/kb/articles/4">Open a ticket</a> and mention what you searched for: it helps us write the article that was missing.</p>
<h2>Was the article helpful?</h2>
<p>At the end of every article you can answer <strong>yes</strong> or <strong>no</strong> and leave a comment. Editors read every comment and improve the articles that do not help.</p>', '', UTC_TIMESTAMP(6)),
(3, 'de', 'So suchen Sie effektiv in der Wissensdatenbank',
 'Tipps, um schnell den richtigen Artikel zu finden: gute Suchbegriffe, Filter, Fehlercodes und was zu tun ist, wenn nichts gefunden wird.',
 '<p>Die Suche der Wissensdatenbank ordnet Artikel danach, wie gut sie zu Ihren Begriffen passen. Ein Treffer im Titel zählt mehr als ein Treffer im Text; der passendste Artikel steht deshalb meist oben.</p>
<h2>Gute Suchbegriffe</h2>
<ul>
<li>Verwenden Sie die Wörter, die Sie auf dem Bildschirm oder am Gerät sehen: <em>E204</em>, <em>LTE</em>, <em>Zertifikat</em>.</li>
<li>Nennen Sie das Produkt: <em>PX-200 Firmware</em> liefert genauere Treffer als <em>Update</em>.</li>
<li>Zwei oder drei Wörter genügen. Ganze Sätze funktionieren auch, kurze Anfragen lassen sich aber leichter verfeinern.</li>
</ul>
<h2>Filter</h2>
<p>Auf der Ergebnisseite können Sie die Liste auf eine Kategorie, ein Schlagwort wie <em>gateway</em> oder <em>invoice</em> oder eine Sprache einschränken. Filter werden kombiniert; neben jedem Filter steht die Anzahl der Treffer.</p>
<h2>Fehlercodes</h2>
<p>Jeder Code im Gateway-Display hat einen eigenen Artikel. Suchen Sie den Code genau so, wie er angezeigt wird, etwa <em>E101</em>, oder öffnen Sie die Kategorie <em>Fehlercodes</em> unter Wartung und Fehlerbehebung.</p>
<h2>Wenn nichts gefunden wird</h2>
<p>Findet die Suche nichts, prüfen Sie die Schreibweise; kennt das Portal ein ähnliches Wort, schlägt es eine Korrektur vor. Versuchen Sie sonst einen allgemeineren Begriff oder stöbern Sie in den Kategorien. Immer noch ratlos? <a href="/kb/articles/4">Eröffnen Sie ein Ticket</a> und nennen Sie Ihren Suchbegriff – so erfahren wir, welcher Artikel fehlt.</p>
<h2>War der Artikel hilfreich?</h2>
<p>Am Ende jedes Artikels können Sie mit <strong>Ja</strong> oder <strong>Nein</strong> antworten und einen Kommentar hinterlassen. Die Redaktion liest jeden Kommentar und überarbeitet Artikel, die nicht helfen.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(4, 'en', 'When and how to open a support ticket',
 'Which problems belong in a ticket, what information speeds up the answer, and how priorities are set.',
 '<p>A ticket is the right channel whenever the knowledge base does not solve your problem, when something is broken at a site, or when you need us to change something in your contract or account.</p>
<h2>Before you open a ticket</h2>
<p>Search the knowledge base for the error code or the symptom. While you type the subject of a new ticket, the portal suggests matching articles; many customers find the answer right there.</p>
<h2>What to include</h2>
<ul>
<li>The <strong>serial number</strong> of the device (on the type plate and in Portico Monitor under <em>Devices</em>).</li>
<li>The <strong>site</strong> and, if relevant, the machine the sensor is mounted on.</li>
<li>What happened, since when, and what you already tried.</li>
<li>Screenshots or the diagnostics file of the gateway (<em>Settings, Diagnostics, Download</em>).</li>
</ul>
<h2>Priorities</h2>
<table>
<thead><tr><th>Priority</th><th>Use it when</th></tr></thead>
<tbody>
<tr><td>Critical</td><td>Production is stopped or monitoring of a critical machine has failed completely.</td></tr>
<tr><td>High</td><td>A site or several devices are affected; a workaround exists but is costly.</td></tr>
<tr><td>Normal</td><td>A single device or function is affected.</td></tr>
<tr><td>Low</td><td>Questions, wishes and documentation requests.</td></tr>
</tbody>
</table>
<p>Critical tickets should also be reported by phone on the hotline number in your contract. The response time for each priority depends on your service contract; see <a href="/kb/articles/5">Service levels and response times explained</a>.</p>', '', UTC_TIMESTAMP(6)),
(4, 'de', 'Wann und wie Sie ein Supportticket eröffnen',
 'Welche Probleme in ein Ticket gehören, welche Angaben die Antwort beschleunigen und wie Prioritäten festgelegt werden.',
 '<p>Ein Ticket ist der richtige Weg, wenn die Wissensdatenbank Ihr Problem nicht löst, wenn an einem Standort etwas defekt ist oder wenn wir etwas an Ihrem Vertrag oder Konto ändern sollen.</p>
<h2>Bevor Sie ein Ticket eröffnen</h2>
<p>Suchen Sie in der Wissensdatenbank nach dem Fehlercode oder dem Symptom. Schon während Sie den Betreff eines neuen Tickets eingeben, schlägt das Portal passende Artikel vor; viele Kunden finden die Antwort bereits dort.</p>
<h2>Was hineingehört</h2>
<ul>
<li>Die <strong>Seriennummer</strong> des Geräts (auf dem Typenschild und in Portico Monitor unter <em>Geräte</em>).</li>
<li>Der <strong>Standort</strong> und gegebenenfalls die Maschine, an der der Sensor montiert ist.</li>
<li>Was passiert ist, seit wann und was Sie bereits versucht haben.</li>
<li>Bildschirmfotos oder die Diagnosedatei des Gateways (<em>Einstellungen, Diagnose, Herunterladen</em>).</li>
</ul>
<h2>Prioritäten</h2>
<table>
<thead><tr><th>Priorität</th><th>Verwenden, wenn</th></tr></thead>
<tbody>
<tr><td>Kritisch</td><td>Die Produktion steht oder die Überwachung einer kritischen Maschine ist vollständig ausgefallen.</td></tr>
<tr><td>Hoch</td><td>Ein Standort oder mehrere Geräte sind betroffen; es gibt eine Umgehung, die aber aufwendig ist.</td></tr>
<tr><td>Normal</td><td>Ein einzelnes Gerät oder eine Funktion ist betroffen.</td></tr>
<tr><td>Niedrig</td><td>Fragen, Wünsche und Dokumentationsanfragen.</td></tr>
</tbody>
</table>
<p>Kritische Tickets melden Sie bitte zusätzlich telefonisch unter der Hotline-Nummer aus Ihrem Vertrag. Die Reaktionszeit je Priorität hängt von Ihrem Servicevertrag ab; siehe <a href="/kb/articles/5">Servicelevel und Reaktionszeiten erklärt</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(5, 'en', 'Service levels and response times explained',
 'How quickly we respond and resolve, per contract and priority, and how business hours and public holidays are counted.',
 '<p>Every service contract promises a <strong>response time</strong>: the time until a qualified engineer has looked at your ticket and answered you. For Plus and Premium contracts there is also a <strong>target restoration time</strong> for critical faults.</p>
<table>
<thead><tr><th>Priority</th><th>Basic</th><th>Plus</th><th>Premium</th></tr></thead>
<tbody>
<tr><td>Critical</td><td>8 business hours</td><td>4 hours</td><td>1 hour, around the clock</td></tr>
<tr><td>High</td><td>2 business days</td><td>8 business hours</td><td>4 hours</td></tr>
<tr><td>Normal</td><td>3 business days</td><td>2 business days</td><td>1 business day</td></tr>
<tr><td>Low</td><td>5 business days</td><td>5 business days</td><td>3 business days</td></tr>
</tbody>
</table>
<h2>Business hours</h2>
<p>Business hours are Monday to Friday, 8:00 to 18:00 Central European Time, except public holidays in Hesse, Germany. Premium contracts cover critical tickets 24 hours a day, 7 days a week.</p>
<h2>When the clock stops</h2>
<p>The clock pauses while a ticket waits for your reply, for example when we asked for a diagnostics file. It starts again as soon as you answer in the portal.</p>
<h2>Escalation</h2>
<p>If a response time is missed, the ticket is escalated automatically to the team lead. You can also ask for an escalation in the ticket at any time; please explain the business impact so we can prioritise correctly.</p>
<p>Which contract covers your sites is shown under <em>Contracts</em>; the contract types are compared in <a href="/kb/articles/39">Service contracts compared</a>.</p>', '', UTC_TIMESTAMP(6)),
(5, 'de', 'Servicelevel und Reaktionszeiten erklärt',
 'Wie schnell wir reagieren und Störungen beheben – je Vertrag und Priorität – und wie Geschäftszeiten und Feiertage zählen.',
 '<p>Jeder Servicevertrag sichert eine <strong>Reaktionszeit</strong> zu: die Zeit, bis eine qualifizierte Technikerin oder ein qualifizierter Techniker Ihr Ticket geprüft und Ihnen geantwortet hat. Für Plus- und Premium-Verträge gibt es zusätzlich eine <strong>Ziel-Wiederherstellungszeit</strong> für kritische Störungen.</p>
<table>
<thead><tr><th>Priorität</th><th>Basic</th><th>Plus</th><th>Premium</th></tr></thead>
<tbody>
<tr><td>Kritisch</td><td>8 Geschäftsstunden</td><td>4 Stunden</td><td>1 Stunde, rund um die Uhr</td></tr>
<tr><td>Hoch</td><td>2 Geschäftstage</td><td>8 Geschäftsstunden</td><td>4 Stunden</td></tr>
<tr><td>Normal</td><td>3 Geschäftstage</td><td>2 Geschäftstage</td><td>1 Geschäftstag</td></tr>
<tr><td>Niedrig</td><td>5 Geschäftstage</td><td>5 Geschäftstage</td><td>3 Geschäftstage</td></tr>
</tbody>
</table>
<h2>Geschäftszeiten</h2>
<p>Geschäftszeiten sind Montag bis Freitag von 8:00 bis 18:00 Uhr MEZ, ausgenommen gesetzliche Feiertage in Hessen. Premium-Verträge decken kritische Tickets rund um die Uhr an sieben Tagen die Woche ab.</p>
<h2>Wann die Uhr anhält</h2>
<p>Die Uhr pausiert, solange ein Ticket auf Ihre Antwort wartet, etwa wenn wir eine Diagnosedatei angefordert haben. Sie läuft weiter, sobald Sie im Portal antworten.</p>
<h2>Eskalation</h2>
<p>Wird eine Reaktionszeit überschritten, eskaliert das Ticket automatisch an die Teamleitung. Sie können eine Eskalation auch jederzeit im Ticket anfordern; schildern Sie bitte die geschäftlichen Auswirkungen, damit wir richtig priorisieren.</p>
<p>Welcher Vertrag Ihre Standorte abdeckt, sehen Sie unter <em>Verträge</em>; die Vertragsarten vergleicht <a href="/kb/articles/39">Serviceverträge im Vergleich</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(6, 'en', 'Resetting your password',
 'Forgot your password? Request a reset link on the sign-in page; the link is valid for one hour and can be used once.',
 '<p>You can reset your password yourself at any time; nobody at Portico can see or tell you your current password.</p>
<h2>Step by step</h2>
<ol>
<li>On the sign-in page, choose <strong>Forgot your password?</strong></li>
<li>Enter the e-mail address you use for the portal and send the form.</li>
<li>Open the e-mail <em>Reset your Portico password</em>. If it does not arrive within five minutes, check your spam folder.</li>
<li>Follow the link and choose a new password of at least 12 characters.</li>
<li>Sign in with the new password. All other sessions of your account are signed out.</li>
</ol>
<h2>Good to know</h2>
<ul>
<li>The link is valid for <strong>one hour</strong> and works only once. Request a new one if it has expired.</li>
<li>For your protection the form always says that a mail was sent, even if the address is unknown. If you never get a mail, your account may be registered under another address; ask your company’s portal administrator.</li>
<li>After several failed sign-in attempts the account is locked for a few minutes. Waiting is enough; a reset is not needed.</li>
<li>If your company signs in through single sign-on, your password is managed by your own IT department, not by the portal.</li>
</ul>
<h2>Choosing a good password</h2>
<p>Use a passphrase of several unrelated words or a password manager. The portal rejects passwords that are too short or appear in lists of leaked passwords. More advice is in <a href="/kb/articles/9">Keeping your account secure</a>.</p>', '', UTC_TIMESTAMP(6)),
(6, 'de', 'Passwort zurücksetzen',
 'Passwort vergessen? Fordern Sie auf der Anmeldeseite einen Link an; er ist eine Stunde lang gültig und nur einmal verwendbar.',
 '<p>Sie können Ihr Passwort jederzeit selbst zurücksetzen; bei Portico kann niemand Ihr aktuelles Passwort sehen oder Ihnen nennen.</p>
<h2>Schritt für Schritt</h2>
<ol>
<li>Wählen Sie auf der Anmeldeseite <strong>Passwort vergessen?</strong></li>
<li>Geben Sie die E-Mail-Adresse ein, mit der Sie das Portal nutzen, und senden Sie das Formular ab.</li>
<li>Öffnen Sie die E-Mail <em>Portico-Passwort zurücksetzen</em>. Kommt sie nicht innerhalb von fünf Minuten an, sehen Sie im Spam-Ordner nach.</li>
<li>Folgen Sie dem Link und wählen Sie ein neues Passwort mit mindestens 12 Zeichen.</li>
<li>Melden Sie sich mit dem neuen Passwort an. Alle anderen Sitzungen Ihres Kontos werden abgemeldet.</li>
</ol>
<h2>Gut zu wissen</h2>
<ul>
<li>Der Link ist <strong>eine Stunde</strong> gültig und funktioniert nur einmal. Ist er abgelaufen, fordern Sie einen neuen an.</li>
<li>Zu Ihrem Schutz meldet das Formular immer, dass eine E-Mail verschickt wurde, auch wenn die Adresse unbekannt ist. Erhalten Sie nie eine E-Mail, ist Ihr Konto vielleicht unter einer anderen Adresse registriert; fragen Sie die Portal-Administration Ihres Unternehmens.</li>
<li>Nach mehreren fehlgeschlagenen Anmeldeversuchen wird das Konto für einige Minuten gesperrt. Warten genügt; ein Zurücksetzen ist nicht nötig.</li>
<li>Meldet sich Ihr Unternehmen über Single Sign-on an, verwaltet Ihre eigene IT-Abteilung das Passwort, nicht das Portal.</li>
</ul>
<h2>Ein gutes Passwort wählen</h2>
<p>Verwenden Sie eine Passphrase aus mehreren unzusammenhängenden Wörtern oder einen Passwortmanager. Das Portal lehnt zu kurze Passwörter und solche aus Listen geleakter Passwörter ab. Mehr Tipps stehen in <a href="/kb/articles/9">So schützen Sie Ihr Konto</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(7, 'en', 'Inviting colleagues and assigning roles',
 'Customer administrators invite colleagues by e-mail and choose their roles; the invitation link is valid for seven days.',
 '<p>Only customer administrators can invite people to their company’s portal. Invited colleagues choose their own password; you never need to send passwords by e-mail.</p>
<h2>Sending an invitation</h2>
<ol>
<li>Open <strong>Users</strong> in the menu and choose <strong>Invite</strong>.</li>
<li>Enter the name and business e-mail address of your colleague.</li>
<li>Select one or more roles. If unsure, start with <em>Customer user</em>; you can add roles later.</li>
<li>Send the invitation. Your colleague receives an e-mail with a personal link.</li>
</ol>
<p>The link is valid for <strong>seven days</strong>. Until it is used the user appears as <em>invited</em> in the list, and you can send the invitation again, which makes the old link invalid.</p>
<h2>Typical role combinations</h2>
<table>
<thead><tr><th>Person</th><th>Roles</th></tr></thead>
<tbody>
<tr><td>Maintenance technician</td><td>Customer user</td></tr>
<tr><td>Purchasing</td><td>Customer user, Buyer</td></tr>
<tr><td>Plant manager</td><td>Customer user, Approver</td></tr>
<tr><td>IT or portal owner</td><td>Customer administrator</td></tr>
</tbody>
</table>
<h2>Changing roles later</h2>
<p>Open the user in the list and tick or untick roles. Changes apply the next time the person loads a page. Removing the last customer administrator is not possible, so your company never locks itself out. What each role allows is described in <a href="/kb/articles/8">Roles in the portal</a>.</p>', '', UTC_TIMESTAMP(6)),
(7, 'de', 'Kolleginnen und Kollegen einladen und Rollen vergeben',
 'Kundenadministratoren laden Kolleginnen und Kollegen per E-Mail ein und wählen ihre Rollen; der Einladungslink gilt sieben Tage.',
 '<p>Nur Kundenadministratoren können Personen in das Portal ihres Unternehmens einladen. Eingeladene wählen ihr Passwort selbst; Sie müssen nie Passwörter per E-Mail verschicken.</p>
<h2>Eine Einladung verschicken</h2>
<ol>
<li>Öffnen Sie im Menü <strong>Benutzer</strong> und wählen Sie <strong>Einladen</strong>.</li>
<li>Geben Sie Name und geschäftliche E-Mail-Adresse ein.</li>
<li>Wählen Sie eine oder mehrere Rollen. Im Zweifel beginnen Sie mit <em>Kundenbenutzer</em>; weitere Rollen können Sie später ergänzen.</li>
<li>Senden Sie die Einladung ab. Die Person erhält eine E-Mail mit einem persönlichen Link.</li>
</ol>
<p>Der Link ist <strong>sieben Tage</strong> gültig. Bis er genutzt wird, erscheint die Person in der Liste als <em>eingeladen</em>; Sie können die Einladung erneut senden, wodurch der alte Link ungültig wird.</p>
<h2>Typische Rollenkombinationen</h2>
<table>
<thead><tr><th>Person</th><th>Rollen</th></tr></thead>
<tbody>
<tr><td>Instandhaltungstechniker</td><td>Kundenbenutzer</td></tr>
<tr><td>Einkauf</td><td>Kundenbenutzer, Einkäufer</td></tr>
<tr><td>Werksleitung</td><td>Kundenbenutzer, Freigebender</td></tr>
<tr><td>IT oder Portalverantwortliche</td><td>Kundenadministrator</td></tr>
</tbody>
</table>
<h2>Rollen später ändern</h2>
<p>Öffnen Sie die Person in der Liste und setzen oder entfernen Sie Häkchen bei den Rollen. Änderungen gelten beim nächsten Seitenaufruf. Den letzten Kundenadministrator zu entfernen ist nicht möglich, damit sich Ihr Unternehmen nie selbst aussperrt. Was jede Rolle erlaubt, beschreibt <a href="/kb/articles/8">Rollen im Portal</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(8, 'en', 'Roles in the portal: what each one can do',
 'An overview of the customer roles (user, buyer, approver, administrator) and the permissions behind them.',
 '<p>Roles bundle permissions. A person can hold several roles; the permissions add up. Roles are assigned by your company’s customer administrator.</p>
<table>
<thead><tr><th>Role</th><th>Can</th><th>Cannot</th></tr></thead>
<tbody>
<tr><td>Customer user</td><td>Read customer articles, open and follow tickets, see the company’s devices</td><td>Order, approve, manage users</td></tr>
<tr><td>Buyer</td><td>Place orders up to the buyer limit, see the company’s orders</td><td>Approve orders above the limit</td></tr>
<tr><td>Approver</td><td>Approve or reject orders above a buyer’s limit, up to the company limit</td><td>Change budgets</td></tr>
<tr><td>Customer administrator</td><td>Invite and deactivate users, assign roles, set budgets, edit company details</td><td>Change contract terms (ask Portico)</td></tr>
</tbody>
</table>
<h2>Limits and approvals</h2>
<p>Orders above a buyer’s order limit wait for an approver. Orders above the company’s own limit cannot be placed at all until the administrator raises the limit. Monthly limits count every order placed in the calendar month, approved or not yet approved.</p>
<h2>Visibility of knowledge base articles</h2>
<p>Articles marked <em>public</em> are readable without signing in. Articles for customers need any customer role. Partner articles are shown only to partner companies, and internal procedures only to Portico staff.</p>
<h2>Least privilege</h2>
<p>Give each person only the roles they need. It keeps the order approval meaningful and limits damage if an account is misused. Review roles when people change jobs, as described in <a href="/kb/articles/11">When a colleague leaves</a>.</p>', '', UTC_TIMESTAMP(6)),
(8, 'de', 'Rollen im Portal: was jede Rolle darf',
 'Ein Überblick über die Kundenrollen (Benutzer, Einkäufer, Freigebender, Administrator) und die Berechtigungen dahinter.',
 '<p>Rollen bündeln Berechtigungen. Eine Person kann mehrere Rollen haben; die Berechtigungen addieren sich. Rollen vergibt die Kundenadministration Ihres Unternehmens.</p>
<table>
<thead><tr><th>Rolle</th><th>Darf</th><th>Darf nicht</th></tr></thead>
<tbody>
<tr><td>Kundenbenutzer</td><td>Kundenartikel lesen, Tickets eröffnen und verfolgen, die Geräte des Unternehmens sehen</td><td>Bestellen, freigeben, Benutzer verwalten</td></tr>
<tr><td>Einkäufer</td><td>Bis zum Einkäuferlimit bestellen, die Bestellungen des Unternehmens sehen</td><td>Bestellungen über dem Limit freigeben</td></tr>
<tr><td>Freigebender</td><td>Bestellungen über dem Einkäuferlimit bis zum Firmenlimit freigeben oder ablehnen</td><td>Budgets ändern</td></tr>
<tr><td>Kundenadministrator</td><td>Benutzer einladen und deaktivieren, Rollen vergeben, Budgets festlegen, Firmendaten pflegen</td><td>Vertragsbedingungen ändern (bitte an Portico wenden)</td></tr>
</tbody>
</table>
<h2>Limits und Freigaben</h2>
<p>Bestellungen über dem Limit eines Einkäufers warten auf eine Freigabe. Bestellungen über dem Firmenlimit lassen sich gar nicht aufgeben, bis die Administration das Limit erhöht. Monatslimits zählen jede im Kalendermonat aufgegebene Bestellung, ob bereits freigegeben oder nicht.</p>
<h2>Sichtbarkeit von Wissensartikeln</h2>
<p>Als <em>öffentlich</em> markierte Artikel sind ohne Anmeldung lesbar. Artikel für Kunden erfordern eine beliebige Kundenrolle. Partnerartikel sehen nur Partnerunternehmen, interne Abläufe nur Portico-Mitarbeitende.</p>
<h2>Minimale Rechte</h2>
<p>Geben Sie jeder Person nur die Rollen, die sie braucht. So bleibt die Freigabe von Bestellungen aussagekräftig und der Schaden bei Missbrauch eines Kontos begrenzt. Prüfen Sie Rollen bei Stellenwechseln, wie in <a href="/kb/articles/11">Wenn jemand das Unternehmen verlässt</a> beschrieben.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(9, 'en', 'Keeping your account secure',
 'Strong passwords, signing out on shared computers, recognising phishing, and what to do if you suspect misuse.',
 '<p>Your portal account can place orders and see information about your company’s installations, so it is worth protecting. Most attacks we see are not technical: they are phishing mails and reused passwords.</p>
<h2>Passwords</h2>
<ul>
<li>Use a password of at least 12 characters that you use nowhere else. A password manager makes this easy.</li>
<li>Never share your account with colleagues; invite them instead, so everyone has their own history and roles.</li>
</ul>
<h2>Shared computers</h2>
<p>On a computer in the workshop or the control room, always choose <strong>Sign out</strong> when you are done. Sessions end by themselves after a period of inactivity, but signing out is safer. Under <em>Account, Sessions</em> you can see where you are signed in and end sessions you do not recognise.</p>
<h2>Recognising phishing</h2>
<p>Portico will never ask for your password by e-mail or phone. Genuine mails from the portal link only to the portal’s own address. Be suspicious of mails that create urgency, such as <em>your account will be closed today</em>, or that ask you to pay an invoice to a new bank account.</p>
<blockquote><p>If a mail about changed bank details reaches you, call your usual contact at Portico on a known number before paying.</p></blockquote>
<h2>If you suspect misuse</h2>
<ol>
<li><a href="/kb/articles/6">Reset your password</a>; this signs out all other sessions.</li>
<li>Tell your company’s portal administrator.</li>
<li>Open a ticket with priority high so we can check the account’s recent activity with you.</li>
</ol>', '', UTC_TIMESTAMP(6)),
(9, 'de', 'So schützen Sie Ihr Konto',
 'Starke Passwörter, Abmelden an gemeinsam genutzten Rechnern, Phishing erkennen und was bei Verdacht auf Missbrauch zu tun ist.',
 '<p>Mit Ihrem Portalkonto lassen sich Bestellungen aufgeben und Informationen über die Anlagen Ihres Unternehmens einsehen – es lohnt sich also, es zu schützen. Die meisten Angriffe, die wir sehen, sind nicht technisch: Es sind Phishing-Mails und mehrfach verwendete Passwörter.</p>
<h2>Passwörter</h2>
<ul>
<li>Verwenden Sie ein Passwort mit mindestens 12 Zeichen, das Sie nirgendwo sonst nutzen. Ein Passwortmanager macht das einfach.</li>
<li>Teilen Sie Ihr Konto nie mit Kolleginnen und Kollegen; laden Sie sie stattdessen ein, damit jede Person eigenen Verlauf und eigene Rollen hat.</li>
</ul>
<h2>Gemeinsam genutzte Rechner</h2>
<p>Wählen Sie an einem Rechner in der Werkstatt oder Leitwarte nach der Arbeit immer <strong>Abmelden</strong>. Sitzungen enden nach einer Zeit der Inaktivität von selbst, Abmelden ist aber sicherer. Unter <em>Konto, Sitzungen</em> sehen Sie, wo Sie angemeldet sind, und können unbekannte Sitzungen beenden.</p>
<h2>Phishing erkennen</h2>
<p>Portico fragt Sie nie per E-Mail oder Telefon nach Ihrem Passwort. Echte Mails des Portals verlinken nur auf die Adresse des Portals. Seien Sie misstrauisch bei Mails, die Druck aufbauen, etwa <em>Ihr Konto wird heute geschlossen</em>, oder die Sie bitten, eine Rechnung auf ein neues Bankkonto zu zahlen.</p>
<blockquote><p>Erreicht Sie eine Mail über geänderte Bankdaten, rufen Sie vor der Zahlung Ihre gewohnte Ansprechperson bei Portico unter einer bekannten Nummer an.</p></blockquote>
<h2>Bei Verdacht auf Missbrauch</h2>
<ol>
<li><a href="/kb/articles/6">Setzen Sie Ihr Passwort zurück</a>; dadurch werden alle anderen Sitzungen abgemeldet.</li>
<li>Informieren Sie die Portal-Administration Ihres Unternehmens.</li>
<li>Eröffnen Sie ein Ticket mit Priorität hoch, damit wir die letzten Aktivitäten des Kontos gemeinsam mit Ihnen prüfen.</li>
</ol>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(10, 'en', 'Changing your e-mail address, language and time zone',
 'Personal settings you can change yourself under Account, and why a new e-mail address must be confirmed first.',
 '<p>Under <strong>Account</strong> you manage the settings that belong to you as a person. Company-wide settings such as the invoice address are managed by your customer administrator.</p>
<h2>Name, language and time zone</h2>
<p>Change them under <em>Account, Profile</em> and save. The language applies to the portal’s pages and to the e-mails it sends you. Leave it empty to use your company’s default. The time zone is used for every date and time shown to you, for example the creation time of a ticket or the time stamp of an alarm.</p>
<h2>E-mail address</h2>
<p>Your e-mail address is also your sign-in name, so a change is confirmed in two steps:</p>
<ol>
<li>Enter the new address and your current password under <em>Account, E-mail</em>.</li>
<li>Open the confirmation mail sent to the <strong>new</strong> address and follow the link within 24 hours.</li>
</ol>
<p>Until you confirm, the old address stays valid. The old address receives a notice about the change, so an unwanted change does not go unnoticed.</p>
<h2>Your personal data</h2>
<p>Under <em>Account, Personal data</em> you can download everything the portal stores about you as a file. To have your account deleted, ask your customer administrator to deactivate it; personal data is anonymised after the retention period of your contract.</p>
<h2>Notifications</h2>
<p>Which alarm and ticket e-mails you receive is set per site in Portico Monitor, not in the portal account; see <em>Tuning alarm thresholds</em>.</p>', '', UTC_TIMESTAMP(6)),
(10, 'de', 'E-Mail-Adresse, Sprache und Zeitzone ändern',
 'Persönliche Einstellungen, die Sie selbst unter Konto ändern, und warum eine neue E-Mail-Adresse erst bestätigt werden muss.',
 '<p>Unter <strong>Konto</strong> verwalten Sie die Einstellungen, die Sie persönlich betreffen. Unternehmensweite Einstellungen wie die Rechnungsadresse pflegt Ihre Kundenadministration.</p>
<h2>Name, Sprache und Zeitzone</h2>
<p>Ändern Sie diese unter <em>Konto, Profil</em> und speichern Sie. Die Sprache gilt für die Seiten des Portals und für die E-Mails, die es Ihnen schickt. Bleibt sie leer, gilt die Standardsprache Ihres Unternehmens. Die Zeitzone wird für alle angezeigten Daten und Uhrzeiten verwendet, etwa für den Erstellungszeitpunkt eines Tickets oder den Zeitstempel eines Alarms.</p>
<h2>E-Mail-Adresse</h2>
<p>Ihre E-Mail-Adresse ist zugleich Ihr Anmeldename; eine Änderung wird deshalb in zwei Schritten bestätigt:</p>
<ol>
<li>Geben Sie unter <em>Konto, E-Mail</em> die neue Adresse und Ihr aktuelles Passwort ein.</li>
<li>Öffnen Sie die Bestätigungsmail an die <strong>neue</strong> Adresse und folgen Sie dem Link innerhalb von 24 Stunden.</li>
</ol>
<p>Bis zur Bestätigung bleibt die alte Adresse gültig. Sie erhält einen Hinweis auf die Änderung, damit eine ungewollte Änderung nicht unbemerkt bleibt.</p>
<h2>Ihre persönlichen Daten</h2>
<p>Unter <em>Konto, Persönliche Daten</em> laden Sie alles, was das Portal über Sie speichert, als Datei herunter. Soll Ihr Konto gelöscht werden, bitten Sie Ihre Kundenadministration, es zu deaktivieren; personenbezogene Daten werden nach der Aufbewahrungsfrist Ihres Vertrags anonymisiert.</p>
<h2>Benachrichtigungen</h2>
<p>Welche Alarm- und Ticket-E-Mails Sie erhalten, legen Sie je Standort in Portico Monitor fest, nicht im Portalkonto; siehe <em>Alarmschwellen richtig einstellen</em>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(11, 'en', 'When a colleague leaves: deactivating a user',
 'Deactivate instead of delete: the person can no longer sign in, their tickets and orders stay in your company’s history.',
 '<p>When someone leaves your company or no longer needs the portal, a customer administrator should deactivate the account on the last working day at the latest.</p>
<h2>How to deactivate</h2>
<ol>
<li>Open <strong>Users</strong> and select the person.</li>
<li>Choose <strong>Deactivate</strong> and confirm.</li>
</ol>
<p>The person is signed out everywhere immediately and cannot sign in or reset the password. Open tickets stay open and can be taken over by a colleague; orders waiting for this person’s approval can be approved by any other approver.</p>
<h2>What happens to the data</h2>
<ul>
<li>Tickets, orders and approvals remain in your company’s history with the person’s name, so audits stay complete.</li>
<li>After the retention period of your contract, personal data of deactivated accounts is anonymised automatically.</li>
<li>A deactivated account can be reactivated if the person returns; the roles are kept.</li>
</ul>
<h2>Before you deactivate</h2>
<p>Check whether the person is the only approver or the only customer administrator. The portal does not allow removing the last administrator; appoint a successor first. If the person received alarm e-mails for a site, add someone else to the site’s notification list in Portico Monitor, otherwise alarms may go unnoticed.</p>
<h2>Single sign-on</h2>
<p>With single sign-on, disabling the account in your own directory also blocks the portal at the next sign-in. Deactivate the portal account as well, so that sessions already open end at once.</p>', '', UTC_TIMESTAMP(6)),
(11, 'de', 'Wenn jemand das Unternehmen verlässt: Benutzer deaktivieren',
 'Deaktivieren statt löschen: Die Person kann sich nicht mehr anmelden, ihre Tickets und Bestellungen bleiben im Verlauf Ihres Unternehmens.',
 '<p>Verlässt jemand Ihr Unternehmen oder braucht das Portal nicht mehr, sollte die Kundenadministration das Konto spätestens am letzten Arbeitstag deaktivieren.</p>
<h2>So deaktivieren Sie</h2>
<ol>
<li>Öffnen Sie <strong>Benutzer</strong> und wählen Sie die Person aus.</li>
<li>Wählen Sie <strong>Deaktivieren</strong> und bestätigen Sie.</li>
</ol>
<p>Die Person wird sofort überall abgemeldet und kann sich weder anmelden noch ihr Passwort zurücksetzen. Offene Tickets bleiben offen und können von Kolleginnen oder Kollegen übernommen werden; Bestellungen, die auf die Freigabe dieser Person warten, kann jede andere freigebende Person freigeben.</p>
<h2>Was mit den Daten geschieht</h2>
<ul>
<li>Tickets, Bestellungen und Freigaben bleiben mit dem Namen der Person im Verlauf Ihres Unternehmens, damit Prüfungen vollständig bleiben.</li>
<li>Nach der Aufbewahrungsfrist Ihres Vertrags werden personenbezogene Daten deaktivierter Konten automatisch anonymisiert.</li>
<li>Ein deaktiviertes Konto kann wieder aktiviert werden, wenn die Person zurückkehrt; die Rollen bleiben erhalten.</li>
</ul>
<h2>Bevor Sie deaktivieren</h2>
<p>Prüfen Sie, ob die Person die einzige freigebende Person oder der einzige Kundenadministrator ist. Das Portal erlaubt nicht, den letzten Administrator zu entfernen; benennen Sie zuerst eine Nachfolge. Hat die Person Alarm-E-Mails für einen Standort erhalten, tragen Sie in Portico Monitor jemand anderen in die Benachrichtigungsliste ein, sonst bleiben Alarme womöglich unbemerkt.</p>
<h2>Single Sign-on</h2>
<p>Mit Single Sign-on sperrt das Deaktivieren des Kontos in Ihrem eigenen Verzeichnis auch das Portal bei der nächsten Anmeldung. Deaktivieren Sie zusätzlich das Portalkonto, damit bereits offene Sitzungen sofort enden.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(12, 'en', 'Single sign-on with your company directory',
 'Sign in to the portal with your company account via SAML 2.0: requirements, how users are matched, and how to request it.',
 '<p>With single sign-on (SSO) your colleagues sign in to the portal with the same account they use for e-mail and other company applications. Passwords, password rules and multi-factor authentication are then managed by your own IT department.</p>
<h2>Requirements</h2>
<ul>
<li>An identity provider that supports <strong>SAML 2.0</strong>, for example Microsoft Entra ID, Okta, Keycloak or Active Directory Federation Services.</li>
<li>A service contract of type Plus or Premium. For Basic contracts SSO is available as an option.</li>
<li>The e-mail domain of your company, for example <code>acme.example</code>, which is used to route sign-ins to your identity provider.</li>
</ul>
<h2>How users are matched</h2>
<p>The identity provider sends the user’s e-mail address. If a portal account with that address exists in your company, the user is signed in with it and keeps roles and history. Unknown addresses are rejected by default; on request, new users can be created automatically with the role <em>Customer user</em>.</p>
<h2>Roles stay in the portal</h2>
<p>Roles are not taken from group memberships of your directory; your customer administrator assigns them in the portal as before. This keeps approvals in the hands of the business, not of the directory.</p>
<h2>How to request SSO</h2>
<ol>
<li>Open a ticket with the subject <em>Single sign-on</em> and name your identity provider and e-mail domain.</li>
<li>We send you our service provider metadata. Create the application in your identity provider.</li>
<li>Send us your metadata URL. We enable SSO for a test user first, then for the whole company.</li>
</ol>
<p>A detailed walk-through for Microsoft Entra ID is in <a href="/kb/articles/13">Configuring SAML with Microsoft Entra ID</a>.</p>', '', UTC_TIMESTAMP(6)),
(12, 'de', 'Single Sign-on mit Ihrem Unternehmensverzeichnis',
 'Anmeldung am Portal mit Ihrem Firmenkonto über SAML 2.0: Voraussetzungen, Zuordnung der Benutzer und wie Sie es beantragen.',
 '<p>Mit Single Sign-on (SSO) melden sich Ihre Kolleginnen und Kollegen mit demselben Konto am Portal an, das sie für E-Mail und andere Firmenanwendungen nutzen. Passwörter, Passwortregeln und Mehr-Faktor-Authentifizierung verwaltet dann Ihre eigene IT-Abteilung.</p>
<h2>Voraussetzungen</h2>
<ul>
<li>Ein Identitätsanbieter mit Unterstützung für <strong>SAML 2.0</strong>, zum Beispiel Microsoft Entra ID, Okta, Keycloak oder Active Directory Federation Services.</li>
<li>Ein Servicevertrag vom Typ Plus oder Premium. Für Basic-Verträge ist SSO als Option erhältlich.</li>
<li>Die E-Mail-Domain Ihres Unternehmens, etwa <code>acme.example</code>, über die Anmeldungen an Ihren Identitätsanbieter weitergeleitet werden.</li>
</ul>
<h2>Wie Benutzer zugeordnet werden</h2>
<p>Der Identitätsanbieter übermittelt die E-Mail-Adresse. Gibt es in Ihrem Unternehmen ein Portalkonto mit dieser Adresse, wird die Person damit angemeldet und behält Rollen und Verlauf. Unbekannte Adressen werden standardmäßig abgewiesen; auf Wunsch werden neue Benutzer automatisch mit der Rolle <em>Kundenbenutzer</em> angelegt.</p>
<h2>Rollen bleiben im Portal</h2>
<p>Rollen werden nicht aus Gruppenmitgliedschaften Ihres Verzeichnisses übernommen; Ihre Kundenadministration vergibt sie wie bisher im Portal. So bleiben Freigaben in der Hand der Fachabteilung und nicht des Verzeichnisses.</p>
<h2>So beantragen Sie SSO</h2>
<ol>
<li>Eröffnen Sie ein Ticket mit dem Betreff <em>Single Sign-on</em> und nennen Sie Identitätsanbieter und E-Mail-Domain.</li>
<li>Wir senden Ihnen unsere Service-Provider-Metadaten. Legen Sie die Anwendung in Ihrem Identitätsanbieter an.</li>
<li>Senden Sie uns Ihre Metadaten-URL. Wir schalten SSO zuerst für einen Testbenutzer frei, dann für das ganze Unternehmen.</li>
</ol>
<p>Eine ausführliche Anleitung für Microsoft Entra ID finden Sie in <a href="/kb/articles/13">SAML mit Microsoft Entra ID einrichten</a> (derzeit nur auf Englisch).</p>', '', UTC_TIMESTAMP(6));

-- Only in English so far: the German page shows it with the fallback note.
INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(13, 'en', 'Configuring SAML with Microsoft Entra ID',
 'A step-by-step guide for IT administrators: create the enterprise application in Entra ID, map the claims and test the sign-in.',
 '<p>This guide is for the IT administrator who sets up single sign-on for the portal in Microsoft Entra ID (formerly Azure Active Directory). Read <a href="/kb/articles/12">Single sign-on with your company directory</a> first and request SSO with a ticket; you will receive our metadata file.</p>
<h2>1. Create the application</h2>
<ol>
<li>In the Entra admin centre, open <strong>Enterprise applications</strong> and choose <strong>New application</strong>, then <strong>Create your own application</strong>.</li>
<li>Name it <em>Portico portal</em> and select <em>Integrate any other application you don’t find in the gallery</em>.</li>
<li>Under <strong>Single sign-on</strong>, choose <strong>SAML</strong> and upload the metadata file we sent you.</li>
</ol>
<h2>2. Attributes and claims</h2>
<p>The portal needs exactly one claim: the e-mail address as NameID. Configure:</p>
<table>
<thead><tr><th>Claim</th><th>Value</th></tr></thead>
<tbody>
<tr><td>Unique user identifier (NameID)</td><td><code>user.mail</code>, format Email address</td></tr>
<tr><td>givenname, surname</td><td>optional, used only for new users</td></tr>
</tbody>
</table>
<p>If some users have no <code>mail</code> attribute, use <code>user.userprincipalname</code>, but only when it equals the e-mail address known to the portal.</p>
<h2>3. Assign users</h2>
<p>Under <strong>Users and groups</strong>, assign the group of employees who should use the portal. Users outside this group are rejected by Entra ID before they reach us.</p>
<h2>4. Send us the federation metadata URL</h2>
<p>Copy the <em>App Federation Metadata Url</em> from the SAML certificates section into the ticket. We switch on SSO for one test user and ask you to sign in.</p>
<h2>Troubleshooting</h2>
<ul>
<li><strong>AADSTS50105</strong>: the user is not assigned to the application.</li>
<li><strong>The portal says the account is unknown</strong>: the NameID differs from the portal e-mail address; compare both.</li>
<li><strong>Sign-in fails after a year</strong>: the signing certificate expired; renew it and tell us in a ticket.</li>
</ul>', '', UTC_TIMESTAMP(6));
