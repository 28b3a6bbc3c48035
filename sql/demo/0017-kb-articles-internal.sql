-- Knowledge base demo data, part 8: articles 59-66, "Internal procedures"
-- and "Support playbooks" (audience internal: Portico staff only), and
-- articles 67-71, which are not published (draft, in review, archived),
-- for the editor's lifecycle.

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (59, 9,  'escalation-matrix',             'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 361 DAY, UTC_TIMESTAMP(6) - INTERVAL 16 DAY,  UTC_TIMESTAMP(6) - INTERVAL 361 DAY, 388, 22, 1),
  (60, 9,  'on-call-duty',                  'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 337 DAY, UTC_TIMESTAMP(6) - INTERVAL 48 DAY,  UTC_TIMESTAMP(6) - INTERVAL 337 DAY, 305, 18, 2),
  (61, 9,  'kb-style-guide',                'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 364 DAY, UTC_TIMESTAMP(6) - INTERVAL 5 DAY,   UTC_TIMESTAMP(6) - INTERVAL 364 DAY, 97,  9,  0),
  (62, 9,  'approving-credit-notes',        'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 230 DAY, UTC_TIMESTAMP(6) - INTERVAL 90 DAY,  UTC_TIMESTAMP(6) - INTERVAL 230 DAY, 121, 7,  1),
  (63, 16, 'playbook-gateway-offline',      'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 320 DAY, UTC_TIMESTAMP(6) - INTERVAL 26 DAY,  UTC_TIMESTAMP(6) - INTERVAL 320 DAY, 452, 31, 2),
  (64, 16, 'playbook-suspected-data-loss',  'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 250 DAY, UTC_TIMESTAMP(6) - INTERVAL 73 DAY,  UTC_TIMESTAMP(6) - INTERVAL 250 DAY, 136, 10, 0),
  (65, 16, 'remote-access-to-gateways',     'internal', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 295 DAY, UTC_TIMESTAMP(6) - INTERVAL 39 DAY,  UTC_TIMESTAMP(6) - INTERVAL 295 DAY, 274, 16, 1),
  (66, 16, 'handling-data-protection-requests','internal','published',4, UTC_TIMESTAMP(6) - INTERVAL 200 DAY, UTC_TIMESTAMP(6) - INTERVAL 60 DAY,  UTC_TIMESTAMP(6) - INTERVAL 200 DAY, 88,  6,  0),
  (67, 3,  'px-300-gateway-preview',        'customer', 'draft',     4, UTC_TIMESTAMP(6) - INTERVAL 12 DAY,  UTC_TIMESTAMP(6) - INTERVAL 2 DAY,   NULL,                                0,   0,  0),
  (68, 4,  'alarm-escalation-rules',        'customer', 'review',    4, UTC_TIMESTAMP(6) - INTERVAL 20 DAY,  UTC_TIMESTAMP(6) - INTERVAL 4 DAY,   NULL,                                0,   0,  0),
  (69, 3,  'px-100-end-of-life',            'public',   'archived',  4, UTC_TIMESTAMP(6) - INTERVAL 365 DAY, UTC_TIMESTAMP(6) - INTERVAL 140 DAY, UTC_TIMESTAMP(6) - INTERVAL 365 DAY, 1620, 40, 9),
  (70, 7,  'legacy-ftp-export',             'customer', 'archived',  4, UTC_TIMESTAMP(6) - INTERVAL 363 DAY, UTC_TIMESTAMP(6) - INTERVAL 200 DAY, UTC_TIMESTAMP(6) - INTERVAL 363 DAY, 530,  12, 8),
  (71, 8,  'partner-onboarding-webinar',    'partner',  'draft',     4, UTC_TIMESTAMP(6) - INTERVAL 7 DAY,   UTC_TIMESTAMP(6) - INTERVAL 1 DAY,   NULL,                                0,   0,  0);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(59, 'en', 'Escalation matrix for support cases',
 'When and to whom a support case is escalated: by priority, by time without progress and by customer impact, with contacts per level.',
 '<p>Escalation is not a failure; it gets the right people involved before a customer has to ask. Escalate early when in doubt. Every escalation is recorded in the ticket with a short reason.</p>
<h2>Levels</h2>
<table>
<thead><tr><th>Level</th><th>Who</th><th>Reached via</th></tr></thead>
<tbody>
<tr><td>1</td><td>Support agent on duty</td><td>Ticket queue</td></tr>
<tr><td>2</td><td>Second-level engineer of the product team</td><td>Assign ticket to group <em>L2 Devices</em> or <em>L2 Platform</em></td></tr>
<tr><td>3</td><td>Team lead support</td><td>Ticket flag <em>escalated</em> and a chat message</td></tr>
<tr><td>4</td><td>Head of service, and the account manager for Premium customers</td><td>Phone, out of hours via on-call</td></tr>
</tbody>
</table>
<h2>Triggers</h2>
<ul>
<li><strong>Critical</strong> tickets: level 2 immediately; level 3 if there is no workaround after two hours; level 4 after four hours or if several customers are affected.</li>
<li><strong>High</strong> tickets: level 2 after four business hours without a diagnosis; level 3 when the response time of the contract is at risk.</li>
<li>Any ticket where the customer mentions legal action, safety or a press enquiry goes to level 3 at once, regardless of priority.</li>
<li>Platform incidents affecting more than one customer follow the incident process, not this matrix.</li>
</ul>
<h2>How to escalate</h2>
<ol>
<li>Summarise the case in three sentences at the top of an internal note: what is broken, impact, what was tried.</li>
<li>Set the escalation flag and assign the ticket or call, depending on the level.</li>
<li>Tell the customer that specialists are now involved and when they will hear from us next.</li>
</ol>
<p>Out of business hours, escalations go through the on-call engineer; see <a href="/kb/articles/60">On-call duty: handover and tools</a>.</p>', '', UTC_TIMESTAMP(6)),
(59, 'de', 'Eskalationsmatrix für Supportfälle',
 'Wann und an wen ein Supportfall eskaliert wird: nach Priorität, nach Zeit ohne Fortschritt und nach Auswirkung beim Kunden, mit Ansprechpersonen je Stufe.',
 '<p>Eskalation ist kein Versagen; sie bringt die richtigen Leute ins Spiel, bevor ein Kunde nachfragen muss. Im Zweifel früh eskalieren. Jede Eskalation wird im Ticket mit einer kurzen Begründung vermerkt.</p>
<h2>Stufen</h2>
<table>
<thead><tr><th>Stufe</th><th>Wer</th><th>Erreichbar über</th></tr></thead>
<tbody>
<tr><td>1</td><td>Diensthabende Supportkraft</td><td>Ticket-Warteschlange</td></tr>
<tr><td>2</td><td>Second-Level-Ingenieur des Produktteams</td><td>Ticket der Gruppe <em>L2 Devices</em> oder <em>L2 Platform</em> zuweisen</td></tr>
<tr><td>3</td><td>Teamleitung Support</td><td>Ticket-Markierung <em>eskaliert</em> und eine Chatnachricht</td></tr>
<tr><td>4</td><td>Leitung Service, bei Premium-Kunden zusätzlich der Account Manager</td><td>Telefon, außerhalb der Geschäftszeiten über die Rufbereitschaft</td></tr>
</tbody>
</table>
<h2>Auslöser</h2>
<ul>
<li><strong>Kritische</strong> Tickets: sofort Stufe 2; Stufe 3, wenn nach zwei Stunden keine Umgehung besteht; Stufe 4 nach vier Stunden oder wenn mehrere Kunden betroffen sind.</li>
<li><strong>Hohe</strong> Tickets: Stufe 2 nach vier Geschäftsstunden ohne Diagnose; Stufe 3, wenn die Reaktionszeit des Vertrags gefährdet ist.</li>
<li>Jedes Ticket, in dem der Kunde rechtliche Schritte, Sicherheit oder eine Presseanfrage erwähnt, geht unabhängig von der Priorität sofort an Stufe 3.</li>
<li>Plattformstörungen, die mehr als einen Kunden betreffen, folgen dem Incident-Prozess, nicht dieser Matrix.</li>
</ul>
<h2>So eskalieren Sie</h2>
<ol>
<li>Fassen Sie den Fall in drei Sätzen oben in einer internen Notiz zusammen: was kaputt ist, Auswirkung, was versucht wurde.</li>
<li>Setzen Sie die Eskalationsmarkierung und weisen Sie das Ticket zu oder rufen Sie an, je nach Stufe.</li>
<li>Sagen Sie dem Kunden, dass nun Fachleute eingebunden sind und wann er wieder von uns hört.</li>
</ol>
<p>Außerhalb der Geschäftszeiten laufen Eskalationen über die Rufbereitschaft; siehe <a href="/kb/articles/60">Rufbereitschaft: Übergabe und Werkzeuge</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(60, 'en', 'On-call duty: handover and tools',
 'How the weekly on-call rotation works, what to hand over on Monday morning, and the tools and access the on-call engineer needs.',
 '<p>Premium customers can reach us around the clock for critical tickets. Outside business hours, one engineer is on call for a week, from Monday 09:00 to the following Monday 09:00.</p>
<h2>Before your week starts</h2>
<ul>
<li>Check that the on-call phone is charged and forwards to your mobile; test it with a call from a colleague.</li>
<li>Check your VPN access, the admin access to Portico Monitor and the remote access tool; see <a href="/kb/articles/65">Remote access to customer gateways</a>.</li>
<li>Read the open critical and high tickets of the last week.</li>
</ul>
<h2>During the week</h2>
<ol>
<li>Answer a call within 15 minutes and create or update the ticket while you talk.</li>
<li>Acknowledge automatic platform alerts within 15 minutes, even if you only start analysing later.</li>
<li>If you cannot solve a case within an hour, call the second-level engineer on the backup list; do not wait until morning.</li>
<li>Log the time you spent in the ticket, with the category <em>on-call</em>.</li>
</ol>
<h2>Handover on Monday</h2>
<p>Write a short handover note in the on-call channel: cases handled, cases still open and anything the next person should watch. Walk through open cases with the support agent on duty at 09:00.</p>
<h2>Compensation and rest</h2>
<p>On-call weeks are compensated with a flat allowance plus paid time for calls. After a night call of more than two hours, start work the next day no earlier than eleven hours after the call ended; tell your team lead, no approval needed.</p>
<p>Escalation rules are in the <a href="/kb/articles/59">escalation matrix</a>.</p>', '', UTC_TIMESTAMP(6)),
(60, 'de', 'Rufbereitschaft: Übergabe und Werkzeuge',
 'Wie die wöchentliche Rufbereitschaft funktioniert, was am Montagmorgen übergeben wird und welche Werkzeuge und Zugänge die diensthabende Person braucht.',
 '<p>Premium-Kunden erreichen uns bei kritischen Tickets rund um die Uhr. Außerhalb der Geschäftszeiten hat jeweils eine Ingenieurin oder ein Ingenieur eine Woche Rufbereitschaft, von Montag 09:00 bis zum folgenden Montag 09:00 Uhr.</p>
<h2>Bevor Ihre Woche beginnt</h2>
<ul>
<li>Prüfen Sie, ob das Bereitschaftstelefon geladen ist und auf Ihr Handy weiterleitet; testen Sie es mit dem Anruf einer Kollegin oder eines Kollegen.</li>
<li>Prüfen Sie Ihren VPN-Zugang, den Administratorzugang zu Portico Monitor und das Fernwartungswerkzeug; siehe <a href="/kb/articles/65">Fernzugriff auf Kunden-Gateways</a>.</li>
<li>Lesen Sie die offenen kritischen und hohen Tickets der letzten Woche.</li>
</ul>
<h2>Während der Woche</h2>
<ol>
<li>Nehmen Sie einen Anruf innerhalb von 15 Minuten an und legen Sie das Ticket während des Gesprächs an oder aktualisieren Sie es.</li>
<li>Quittieren Sie automatische Plattformalarme innerhalb von 15 Minuten, auch wenn Sie erst später mit der Analyse beginnen.</li>
<li>Lösen Sie einen Fall nicht innerhalb einer Stunde, rufen Sie den Second-Level-Ingenieur der Vertretungsliste an; warten Sie nicht bis zum Morgen.</li>
<li>Erfassen Sie die aufgewendete Zeit im Ticket mit der Kategorie <em>Rufbereitschaft</em>.</li>
</ol>
<h2>Übergabe am Montag</h2>
<p>Schreiben Sie eine kurze Übergabenotiz in den Bereitschaftskanal: bearbeitete Fälle, noch offene Fälle und alles, worauf die nächste Person achten sollte. Gehen Sie die offenen Fälle um 09:00 Uhr mit der diensthabenden Supportkraft durch.</p>
<h2>Vergütung und Ruhezeit</h2>
<p>Bereitschaftswochen werden mit einer Pauschale plus bezahlter Zeit für Einsätze vergütet. Nach einem nächtlichen Einsatz von mehr als zwei Stunden beginnen Sie am nächsten Tag frühestens elf Stunden nach Einsatzende; informieren Sie Ihre Teamleitung, eine Genehmigung ist nicht nötig.</p>
<p>Die Eskalationsregeln stehen in der <a href="/kb/articles/59">Eskalationsmatrix</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(61, 'en', 'Knowledge base style guide',
 'How we write knowledge base articles: one task per article, titles people search for, short steps, both languages, and the review workflow.',
 '<p>Every article should let a customer solve one problem without calling us. Write for a maintenance technician standing next to the machine with a phone in one hand.</p>
<h2>Structure</h2>
<ul>
<li><strong>One task or one problem per article.</strong> Split long articles; link them with related articles.</li>
<li><strong>Title</strong>: the words a customer would search for. <em>Gateway shows as offline</em>, not <em>Connectivity state anomalies</em>. Put error codes at the start: <em>Error E204: ...</em></li>
<li><strong>Summary</strong>: one or two sentences that answer the question if possible. It appears in search results and suggestions.</li>
<li><strong>Body</strong>: a short introduction, then headings. Steps as numbered lists, one action per step, the expected result after the action.</li>
</ul>
<h2>Language</h2>
<ul>
<li>Address the reader directly: <em>you</em> in English, <em>Sie</em> in German.</li>
<li>Use the names on the screen in italics and buttons in bold.</li>
<li>German texts are written, not machine-translated; use proper umlauts and the terms of our German user interface.</li>
<li>Write numbers with units: 24 V, 8 Nm, 90 seconds.</li>
</ul>
<h2>Audience</h2>
<p>Choose the narrowest audience that fits. Anything about prices for partners, internal tools or other customers is never public. If in doubt, ask the product owner before publishing.</p>
<h2>Workflow</h2>
<ol>
<li>Write the article as a draft, with tags and related articles.</li>
<li>Set it to <em>in review</em>; a second editor checks facts and language.</li>
<li>Publish. Archive articles that describe discontinued products instead of deleting them.</li>
</ol>
<p>Every month, read the comments of articles with many <em>not helpful</em> votes in the feedback overview and improve them first.</p>', '', UTC_TIMESTAMP(6)),
(61, 'de', 'Stilrichtlinie für die Wissensdatenbank',
 'Wie wir Wissensartikel schreiben: eine Aufgabe je Artikel, Titel, nach denen gesucht wird, kurze Schritte, beide Sprachen und der Prüfablauf.',
 '<p>Jeder Artikel soll einem Kunden ermöglichen, ein Problem zu lösen, ohne uns anzurufen. Schreiben Sie für eine Instandhaltungstechnikerin, die mit dem Handy in der Hand neben der Maschine steht.</p>
<h2>Aufbau</h2>
<ul>
<li><strong>Eine Aufgabe oder ein Problem je Artikel.</strong> Teilen Sie lange Artikel auf und verbinden Sie sie über verwandte Artikel.</li>
<li><strong>Titel</strong>: die Wörter, nach denen ein Kunde suchen würde. <em>Gateway wird als offline angezeigt</em>, nicht <em>Anomalien des Konnektivitätszustands</em>. Fehlercodes an den Anfang: <em>Fehler E204: ...</em></li>
<li><strong>Zusammenfassung</strong>: ein oder zwei Sätze, die die Frage möglichst schon beantworten. Sie erscheint in Suchergebnissen und Vorschlägen.</li>
<li><strong>Text</strong>: eine kurze Einleitung, dann Überschriften. Schritte als nummerierte Liste, eine Handlung je Schritt, das erwartete Ergebnis nach der Handlung.</li>
</ul>
<h2>Sprache</h2>
<ul>
<li>Sprechen Sie die Leser direkt an: <em>you</em> im Englischen, <em>Sie</em> im Deutschen.</li>
<li>Bezeichnungen auf dem Bildschirm kursiv, Schaltflächen fett.</li>
<li>Deutsche Texte werden geschrieben, nicht maschinell übersetzt; verwenden Sie echte Umlaute und die Begriffe unserer deutschen Oberfläche.</li>
<li>Zahlen immer mit Einheit: 24 V, 8 Nm, 90 Sekunden.</li>
</ul>
<h2>Zielgruppe</h2>
<p>Wählen Sie die engste passende Zielgruppe. Alles über Partnerpreise, interne Werkzeuge oder andere Kunden ist nie öffentlich. Fragen Sie im Zweifel vor der Veröffentlichung den Product Owner.</p>
<h2>Ablauf</h2>
<ol>
<li>Schreiben Sie den Artikel als Entwurf, mit Schlagwörtern und verwandten Artikeln.</li>
<li>Setzen Sie ihn auf <em>in Prüfung</em>; eine zweite Redakteurin oder ein zweiter Redakteur prüft Fakten und Sprache.</li>
<li>Veröffentlichen. Artikel über abgekündigte Produkte werden archiviert statt gelöscht.</li>
</ol>
<p>Lesen Sie jeden Monat in der Feedback-Übersicht die Kommentare zu Artikeln mit vielen <em>nicht hilfreich</em>-Stimmen und verbessern Sie diese zuerst.</p>', '', UTC_TIMESTAMP(6));

-- Only in English so far.
INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(62, 'en', 'Approving credit notes and refunds',
 'Who may approve a credit note up to which amount, what documentation is required, and how the credit is booked and communicated.',
 '<p>Credit notes correct invoices: a wrong price, a returned part, a service-level penalty or a goodwill gesture. Every credit note needs an approval that matches its amount, and a reason the auditors can follow.</p>
<h2>Approval limits</h2>
<table>
<thead><tr><th>Amount (net)</th><th>Approved by</th></tr></thead>
<tbody>
<tr><td>up to 500 EUR</td><td>Support agent, with a reason in the ticket</td></tr>
<tr><td>up to 5,000 EUR</td><td>Team lead support or the account manager</td></tr>
<tr><td>up to 25,000 EUR</td><td>Head of service</td></tr>
<tr><td>above 25,000 EUR</td><td>Managing director</td></tr>
</tbody>
</table>
<p>Amounts in GBP or CHF are converted at the rate of the invoice date. Splitting a credit into several smaller ones to stay under a limit is not allowed.</p>
<h2>Required documentation</h2>
<ul>
<li>The original invoice number and the lines concerned.</li>
<li>The reason category: price error, return, service-level penalty, goodwill.</li>
<li>For returns, the RMA number and the result of the incoming inspection.</li>
<li>For service-level penalties, the ticket numbers and the calculation from the contract.</li>
</ul>
<h2>Process</h2>
<ol>
<li>Create the credit request from the ticket; the portal fills in customer and invoice.</li>
<li>The approver receives the request and approves or rejects it with a comment.</li>
<li>Accounting issues the credit note within two working days; it appears in the customer’s portal next to the invoice.</li>
<li>Tell the customer in the ticket and close it only after the credit note is visible.</li>
</ol>
<h2>Refunds</h2>
<p>Credits are normally offset against open or future invoices. A payout to the customer’s bank account needs the approval of the head of service in addition, and the bank details are taken only from the master data, never from an e-mail.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(63, 'en', 'Playbook: customer reports a gateway offline',
 'The steps support takes when a customer reports a gateway offline: what to look at first in the admin view, what to ask, and when to send a replacement.',
 '<p>Gateway offline is our most frequent ticket. Most cases are caused by the customer’s network and are solved with the public article <a href="/kb/articles/23">Gateway shows as offline</a>; this playbook covers what we check on our side.</p>
<h2>1. Admin view first (5 minutes)</h2>
<ul>
<li>Open the gateway in the Portico Monitor admin view. Note the time of the last message and the last connection error.</li>
<li>Check the platform status page: is there an incident affecting ingestion?</li>
<li>Check whether other gateways of the same site or company went offline at the same time. If so, the cause is almost certainly the site network or the customer’s firewall.</li>
</ul>
<h2>2. Interpret the last error</h2>
<table>
<thead><tr><th>Last error</th><th>Likely cause</th><th>Action</th></tr></thead>
<tbody>
<tr><td>none, messages simply stop</td><td>Power or network cable</td><td>Ask the customer about the LED colour</td></tr>
<tr><td>TLS handshake failed</td><td>TLS inspection introduced</td><td>Send <a href="/kb/articles/20">the proxy article</a></td></tr>
<tr><td>certificate expired</td><td>Gateway was off for a long time</td><td>Trigger renewal from the admin view</td></tr>
<tr><td>clock skew</td><td>NTP blocked</td><td>Send <a href="/kb/articles/28">E204</a></td></tr>
</tbody>
</table>
<h2>3. Ask the customer</h2>
<p>Ask for the LED colour, recent changes in the network and the diagnostics file. Use the text block <em>Gateway offline, first reply</em>, which asks all three questions at once.</p>
<h2>4. Replacement</h2>
<p>Send a replacement only when the LED is off with a verified 24 V supply, or red with a hardware error code. Check the contract for free replacement before creating the order.</p>
<h2>5. Close</h2>
<p>Record the root cause in the ticket category. The monthly report of root causes decides which articles we improve next.</p>', '', UTC_TIMESTAMP(6)),
(63, 'de', 'Playbook: Kunde meldet ein Gateway offline',
 'Die Schritte des Supports, wenn ein Kunde ein Gateway als offline meldet: was zuerst in der Administrationsansicht zu prüfen ist, was zu fragen ist und wann ein Ersatzgerät geschickt wird.',
 '<p>Gateway offline ist unser häufigstes Ticket. Die meisten Fälle liegen am Netzwerk des Kunden und werden mit dem öffentlichen Artikel <a href="/kb/articles/23">Gateway wird als offline angezeigt</a> gelöst; dieses Playbook beschreibt, was wir auf unserer Seite prüfen.</p>
<h2>1. Zuerst die Administrationsansicht (5 Minuten)</h2>
<ul>
<li>Öffnen Sie das Gateway in der Administrationsansicht von Portico Monitor. Notieren Sie den Zeitpunkt der letzten Nachricht und den letzten Verbindungsfehler.</li>
<li>Prüfen Sie die Statusseite der Plattform: Gibt es eine Störung bei der Datenannahme?</li>
<li>Prüfen Sie, ob andere Gateways desselben Standorts oder Unternehmens gleichzeitig offline gingen. Dann liegt die Ursache fast sicher im Standortnetz oder in der Firewall des Kunden.</li>
</ul>
<h2>2. Den letzten Fehler deuten</h2>
<table>
<thead><tr><th>Letzter Fehler</th><th>Wahrscheinliche Ursache</th><th>Maßnahme</th></tr></thead>
<tbody>
<tr><td>keiner, Nachrichten hören einfach auf</td><td>Strom oder Netzwerkkabel</td><td>Den Kunden nach der LED-Farbe fragen</td></tr>
<tr><td>TLS-Handshake fehlgeschlagen</td><td>TLS-Prüfung eingeführt</td><td><a href="/kb/articles/20">Den Proxy-Artikel</a> schicken</td></tr>
<tr><td>Zertifikat abgelaufen</td><td>Gateway war lange ausgeschaltet</td><td>Erneuerung aus der Administrationsansicht anstoßen</td></tr>
<tr><td>Zeitabweichung</td><td>NTP gesperrt</td><td><a href="/kb/articles/28">E204</a> schicken</td></tr>
</tbody>
</table>
<h2>3. Den Kunden fragen</h2>
<p>Fragen Sie nach der LED-Farbe, jüngsten Änderungen im Netzwerk und der Diagnosedatei. Verwenden Sie den Textbaustein <em>Gateway offline, erste Antwort</em>, der alle drei Fragen auf einmal stellt.</p>
<h2>4. Ersatzgerät</h2>
<p>Schicken Sie nur dann Ersatz, wenn die LED bei nachgewiesener 24-V-Versorgung aus ist oder rot mit einem Hardware-Fehlercode leuchtet. Prüfen Sie vor der Bestellung im Vertrag, ob der Ersatz kostenlos ist.</p>
<h2>5. Abschließen</h2>
<p>Erfassen Sie die Ursache in der Ticketkategorie. Der monatliche Ursachenbericht entscheidet, welche Artikel wir als Nächstes verbessern.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(64, 'en', 'Playbook: suspected data loss',
 'A customer reports missing measurements. Distinguish gaps in sending from gaps in storage, preserve evidence, and communicate carefully.',
 '<p>Reports of missing data must be taken seriously and handled carefully: customers use our data for maintenance decisions and sometimes for insurance claims. Never confirm or deny data loss before the analysis is done.</p>
<h2>1. Classify the report</h2>
<ul>
<li><strong>Gap in a chart</strong>: values for a period are missing completely.</li>
<li><strong>Wrong values</strong>: values exist but are implausible, for example zero or constant.</li>
<li><strong>Deleted objects</strong>: a machine, dashboard or sensor history is gone.</li>
</ul>
<h2>2. Preserve evidence</h2>
<ol>
<li>Ask the customer not to restart or reset the gateway; its buffer may still hold the data (<a href="/kb/articles/29">E310</a> explains the buffer).</li>
<li>Export the gateway’s message log for the period from the admin view.</li>
<li>For deleted objects, note the time and check the audit log for who deleted what.</li>
</ol>
<h2>3. Analyse</h2>
<p>Compare the gateway’s log of sent messages with what ingestion received. If the gateway never sent the data, the cause is on site: power, radio or an empty sensor battery. If it sent data that we did not store, open an incident with the platform team immediately; this is a severity one incident regardless of the amount.</p>
<h2>4. Restore</h2>
<p>Data still in a gateway buffer can be re-sent from the admin view. Deleted objects can be restored from backups for 30 days; the platform team does this on request.</p>
<h2>5. Communicate</h2>
<p>Give the customer the facts in writing: what is missing, why, what could be restored. Involve the team lead before writing if the cause is on our side.</p>', '', UTC_TIMESTAMP(6)),
(64, 'de', 'Playbook: Verdacht auf Datenverlust',
 'Ein Kunde meldet fehlende Messwerte. Lücken beim Senden von Lücken bei der Speicherung unterscheiden, Belege sichern und sorgfältig kommunizieren.',
 '<p>Meldungen über fehlende Daten sind ernst zu nehmen und sorgfältig zu behandeln: Kunden treffen mit unseren Daten Instandhaltungsentscheidungen und nutzen sie manchmal für Versicherungsfälle. Bestätigen oder bestreiten Sie nie einen Datenverlust, bevor die Analyse abgeschlossen ist.</p>
<h2>1. Die Meldung einordnen</h2>
<ul>
<li><strong>Lücke im Diagramm</strong>: Werte für einen Zeitraum fehlen vollständig.</li>
<li><strong>Falsche Werte</strong>: Werte sind vorhanden, aber unplausibel, etwa null oder konstant.</li>
<li><strong>Gelöschte Objekte</strong>: Eine Maschine, ein Dashboard oder ein Sensorverlauf ist verschwunden.</li>
</ul>
<h2>2. Belege sichern</h2>
<ol>
<li>Bitten Sie den Kunden, das Gateway nicht neu zu starten oder zurückzusetzen; sein Puffer kann die Daten noch enthalten (<a href="/kb/articles/29">E310</a> erklärt den Puffer).</li>
<li>Exportieren Sie das Nachrichtenprotokoll des Gateways für den Zeitraum aus der Administrationsansicht.</li>
<li>Notieren Sie bei gelöschten Objekten den Zeitpunkt und prüfen Sie im Audit-Protokoll, wer was gelöscht hat.</li>
</ol>
<h2>3. Analysieren</h2>
<p>Vergleichen Sie das Protokoll der vom Gateway gesendeten Nachrichten mit dem, was die Datenannahme erhalten hat. Hat das Gateway die Daten nie gesendet, liegt die Ursache vor Ort: Strom, Funk oder eine leere Sensorbatterie. Hat es Daten gesendet, die wir nicht gespeichert haben, eröffnen Sie sofort einen Incident beim Plattformteam; das ist unabhängig von der Menge ein Incident der höchsten Stufe.</p>
<h2>4. Wiederherstellen</h2>
<p>Daten, die noch im Gateway-Puffer liegen, lassen sich aus der Administrationsansicht erneut senden. Gelöschte Objekte können 30 Tage lang aus Sicherungen wiederhergestellt werden; das übernimmt das Plattformteam auf Anfrage.</p>
<h2>5. Kommunizieren</h2>
<p>Teilen Sie dem Kunden die Fakten schriftlich mit: was fehlt, warum, was wiederhergestellt werden konnte. Liegt die Ursache bei uns, binden Sie vor dem Schreiben die Teamleitung ein.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(65, 'en', 'Remote access to customer gateways',
 'When support may open a remote session to a customer gateway, how consent is recorded, and the rules for working inside a customer network.',
 '<p>A remote session gives us the local web interface and a diagnostic shell of a PX-200 through its existing encrypted connection. It is powerful and therefore strictly controlled: a gateway sits in the customer’s machine network.</p>
<h2>Consent first</h2>
<ul>
<li>Every session needs the customer’s consent for this ticket, given in writing in the ticket. A phone call is not enough; ask them to confirm in the portal.</li>
<li>Consent is valid for the ticket only, for at most seven days.</li>
<li>Premium contracts may include standing consent for critical tickets; it is noted in the contract overview.</li>
</ul>
<h2>Opening a session</h2>
<ol>
<li>In the admin view, open the gateway and choose <strong>Remote session</strong>.</li>
<li>Enter the ticket number. The tool checks that consent is recorded and that you hold the remote access role.</li>
<li>The session is recorded and limited to 60 minutes; it can be extended once.</li>
</ol>
<h2>Rules inside the session</h2>
<ul>
<li>Do only what is needed for the ticket, and write down every change in the ticket.</li>
<li>Never connect from the gateway to other systems in the customer network, even for diagnosis.</li>
<li>Do not change network, proxy or security settings without the customer’s explicit agreement on that specific change.</li>
<li>Never copy customer data other than logs to your own computer.</li>
</ul>
<h2>After the session</h2>
<p>The recording is kept for 90 days and reviewed at random by the team lead. Tell the customer in the ticket that the session has ended and summarise what was done.</p>', '', UTC_TIMESTAMP(6)),
(65, 'de', 'Fernzugriff auf Kunden-Gateways',
 'Wann der Support eine Fernsitzung zu einem Kunden-Gateway öffnen darf, wie die Zustimmung dokumentiert wird und welche Regeln im Kundennetz gelten.',
 '<p>Eine Fernsitzung gibt uns über die bestehende verschlüsselte Verbindung Zugriff auf die lokale Weboberfläche und eine Diagnose-Shell eines PX-200. Das ist mächtig und deshalb streng geregelt: Ein Gateway sitzt im Maschinennetz des Kunden.</p>
<h2>Zuerst die Zustimmung</h2>
<ul>
<li>Jede Sitzung braucht die Zustimmung des Kunden für dieses Ticket, schriftlich im Ticket. Ein Telefonat genügt nicht; bitten Sie um Bestätigung im Portal.</li>
<li>Die Zustimmung gilt nur für das Ticket und höchstens sieben Tage.</li>
<li>Premium-Verträge können eine dauerhafte Zustimmung für kritische Tickets enthalten; sie ist in der Vertragsübersicht vermerkt.</li>
</ul>
<h2>Eine Sitzung öffnen</h2>
<ol>
<li>Öffnen Sie in der Administrationsansicht das Gateway und wählen Sie <strong>Fernsitzung</strong>.</li>
<li>Geben Sie die Ticketnummer ein. Das Werkzeug prüft, ob die Zustimmung vorliegt und ob Sie die Rolle für Fernzugriff haben.</li>
<li>Die Sitzung wird aufgezeichnet und ist auf 60 Minuten begrenzt; sie lässt sich einmal verlängern.</li>
</ol>
<h2>Regeln in der Sitzung</h2>
<ul>
<li>Tun Sie nur, was für das Ticket nötig ist, und notieren Sie jede Änderung im Ticket.</li>
<li>Verbinden Sie sich vom Gateway aus nie mit anderen Systemen im Kundennetz, auch nicht zur Diagnose.</li>
<li>Ändern Sie Netzwerk-, Proxy- oder Sicherheitseinstellungen nur mit ausdrücklicher Zustimmung des Kunden zu genau dieser Änderung.</li>
<li>Kopieren Sie außer Protokollen niemals Kundendaten auf Ihren eigenen Rechner.</li>
</ul>
<h2>Nach der Sitzung</h2>
<p>Die Aufzeichnung wird 90 Tage aufbewahrt und von der Teamleitung stichprobenartig geprüft. Teilen Sie dem Kunden im Ticket mit, dass die Sitzung beendet ist, und fassen Sie zusammen, was getan wurde.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(66, 'en', 'Handling data protection requests',
 'Requests for access, correction or deletion of personal data under the GDPR: deadlines, identity checks, who answers, and what the portal does automatically.',
 '<p>People have the right to know what personal data we hold about them, to have it corrected and, within limits, deleted. Requests can arrive through any channel: a ticket, an e-mail, a letter, even a phone call. Every one of them must be forwarded to the data protection team on the same day.</p>
<h2>Deadlines</h2>
<p>We must answer within <strong>one month</strong> of receipt. The data protection team can extend this by two months for complex requests, but must tell the person within the first month.</p>
<h2>What support does</h2>
<ol>
<li>Create an internal ticket in the queue <em>Data protection</em> with the original request attached. Do not reply with any personal data yourself.</li>
<li>Confirm receipt to the person with the text block <em>Data protection request received</em>.</li>
<li>If the request concerns a customer user, note the company; customer administrators may need to be involved.</li>
</ol>
<h2>Identity</h2>
<p>Data is disclosed only to the person it concerns. A request from the e-mail address registered in the portal counts as verified. Other requests need verification; the data protection team decides how.</p>
<h2>What the portal does</h2>
<ul>
<li>Users can download their own data under <em>Account, Personal data</em>; pointing them there often answers an access request.</li>
<li>Deactivated accounts are anonymised automatically after the retention period.</li>
<li>Invoices and order records are kept for the legal retention period and cannot be deleted earlier; the person is told so.</li>
</ul>
<p>Never delete data on request yourself, not even in a hurry: the data protection team checks retention obligations first.</p>', '', UTC_TIMESTAMP(6)),
(66, 'de', 'Umgang mit Datenschutzanfragen',
 'Anfragen auf Auskunft, Berichtigung oder Löschung personenbezogener Daten nach der DSGVO: Fristen, Identitätsprüfung, wer antwortet und was das Portal automatisch erledigt.',
 '<p>Menschen haben das Recht zu erfahren, welche personenbezogenen Daten wir über sie speichern, sie berichtigen und in Grenzen löschen zu lassen. Anfragen können über jeden Kanal kommen: Ticket, E-Mail, Brief, sogar Telefon. Jede davon muss noch am selben Tag an das Datenschutzteam weitergeleitet werden.</p>
<h2>Fristen</h2>
<p>Wir müssen innerhalb von <strong>einem Monat</strong> nach Eingang antworten. Das Datenschutzteam kann die Frist bei komplexen Anfragen um zwei Monate verlängern, muss das der Person aber innerhalb des ersten Monats mitteilen.</p>
<h2>Was der Support tut</h2>
<ol>
<li>Ein internes Ticket in der Warteschlange <em>Datenschutz</em> anlegen und die ursprüngliche Anfrage anhängen. Selbst keine personenbezogenen Daten herausgeben.</li>
<li>Der Person den Eingang mit dem Textbaustein <em>Datenschutzanfrage erhalten</em> bestätigen.</li>
<li>Betrifft die Anfrage einen Kundenbenutzer, das Unternehmen vermerken; gegebenenfalls ist die Kundenadministration einzubeziehen.</li>
</ol>
<h2>Identität</h2>
<p>Daten werden nur an die betroffene Person herausgegeben. Eine Anfrage von der im Portal hinterlegten E-Mail-Adresse gilt als geprüft. Andere Anfragen brauchen eine Prüfung; wie, entscheidet das Datenschutzteam.</p>
<h2>Was das Portal tut</h2>
<ul>
<li>Benutzer können ihre eigenen Daten unter <em>Konto, Persönliche Daten</em> herunterladen; ein Hinweis darauf beantwortet oft schon eine Auskunftsanfrage.</li>
<li>Deaktivierte Konten werden nach der Aufbewahrungsfrist automatisch anonymisiert.</li>
<li>Rechnungen und Bestelldaten werden für die gesetzliche Aufbewahrungsfrist gespeichert und können nicht früher gelöscht werden; die Person wird darüber informiert.</li>
</ul>
<p>Löschen Sie auf Anfrage nie selbst Daten, auch nicht in Eile: Das Datenschutzteam prüft zuerst Aufbewahrungspflichten.</p>', '', UTC_TIMESTAMP(6));

-- Not published: a draft, an article in review, two archived articles and
-- a partner draft.  Readers never see them; editors do.
INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(67, 'en', 'PX-300 gateway: what changes for you',
 'A first look at the PX-300, the successor of the PX-200: more sensors per gateway, 5G, and what it means for existing installations.',
 '<p>The PX-300 will be available from the next quarter. It replaces the PX-200 for new installations; existing PX-200 gateways remain fully supported until at least 2031.</p>
<h2>What is new</h2>
<ul>
<li>Up to 128 VS-3 sensors per gateway instead of 64.</li>
<li>5G modem in the PX-300-L variant, with LTE fallback.</li>
<li>Two isolated LAN ports, so machine networks of two lines can be connected without a router.</li>
<li>Local edge analytics: alarm rules are also evaluated on the gateway, so alarms reach the site siren even when the internet connection is down.</li>
</ul>
<h2>Compatibility</h2>
<p>The PX-300 uses the same DIN rail footprint, power supply and antennas as the PX-200. Sensors can be moved to a PX-300 without pairing them again: the pairing is transferred in Portico Monitor.</p>
<h2>Upgrading</h2>
<p>Customers with a Premium contract can replace PX-200 gateways older than five years free of charge. For all others we will offer a trade-in price. Details and prices follow with the launch.</p>
<p><strong>Editor’s note:</strong> check the 5G certification status with product management before publishing.</p>', '', UTC_TIMESTAMP(6)),
(67, 'de', 'PX-300-Gateway: was sich für Sie ändert',
 'Ein erster Blick auf das PX-300, den Nachfolger des PX-200: mehr Sensoren pro Gateway, 5G und was das für bestehende Anlagen bedeutet.',
 '<p>Das PX-300 ist ab dem nächsten Quartal erhältlich. Es ersetzt das PX-200 bei neuen Anlagen; bestehende PX-200-Gateways werden mindestens bis 2031 voll unterstützt.</p>
<h2>Was neu ist</h2>
<ul>
<li>Bis zu 128 VS-3-Sensoren je Gateway statt 64.</li>
<li>5G-Modem in der Variante PX-300-L, mit LTE als Rückfallebene.</li>
<li>Zwei getrennte LAN-Ports, sodass die Maschinennetze zweier Linien ohne Router angebunden werden können.</li>
<li>Lokale Auswertung: Alarmregeln werden auch auf dem Gateway ausgewertet, sodass Alarme die Sirene am Standort auch ohne Internetverbindung erreichen.</li>
</ul>
<h2>Kompatibilität</h2>
<p>Das PX-300 hat dieselben Hutschienenmaße, dieselbe Stromversorgung und dieselben Antennen wie das PX-200. Sensoren lassen sich ohne neue Kopplung auf ein PX-300 umziehen: Die Kopplung wird in Portico Monitor übertragen.</p>
<h2>Umstieg</h2>
<p>Kunden mit Premium-Vertrag können PX-200-Gateways, die älter als fünf Jahre sind, kostenlos tauschen. Für alle anderen bieten wir einen Eintauschpreis an. Details und Preise folgen zur Markteinführung.</p>
<p><strong>Hinweis der Redaktion:</strong> vor der Veröffentlichung den Stand der 5G-Zertifizierung mit dem Produktmanagement klären.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(68, 'en', 'Using alarm escalation rules',
 'Escalate unacknowledged alarms automatically to a second person or a supervisor after a delay you choose.',
 '<p>An alarm that nobody acknowledges is as good as no alarm. Escalation rules make sure that someone else is told when the first recipient does not react, for example at night or during a holiday.</p>
<h2>How escalation works</h2>
<ol>
<li>An alarm is raised and sent to the recipients of the site, as before.</li>
<li>If nobody acknowledges it within the delay of the first level, for example 15 minutes, it is sent to the recipients of the second level.</li>
<li>Up to three levels can be defined. The last level usually is a supervisor or an external service.</li>
</ol>
<h2>Setting up a rule</h2>
<ul>
<li>Open <em>Sites, Notifications, Escalation</em> in Portico Monitor.</li>
<li>Choose which severities the rule applies to; warnings are rarely worth escalating.</li>
<li>Define the levels with their recipients and delays, and optionally a schedule: only outside shift hours, for instance.</li>
</ul>
<h2>Acknowledging</h2>
<p>An alarm can be acknowledged in Portico Monitor, in the Portico Connect app, or by replying <em>OK</em> to the text message. Acknowledging stops the escalation but does not close the alarm; it stays open until the value is back to normal.</p>
<h2>Test it</h2>
<p>Use <em>Send test alarm</em> with escalation switched on, and do not acknowledge it, to verify that every level is reached.</p>', '', UTC_TIMESTAMP(6)),
(68, 'de', 'Eskalationsregeln für Alarme nutzen',
 'Nicht quittierte Alarme nach einer wählbaren Verzögerung automatisch an eine zweite Person oder die Vorgesetzten weiterleiten.',
 '<p>Ein Alarm, den niemand quittiert, ist so gut wie kein Alarm. Eskalationsregeln sorgen dafür, dass jemand anderes informiert wird, wenn die erste Person nicht reagiert, etwa nachts oder im Urlaub.</p>
<h2>So funktioniert die Eskalation</h2>
<ol>
<li>Ein Alarm wird ausgelöst und wie bisher an die Empfänger des Standorts geschickt.</li>
<li>Quittiert ihn niemand innerhalb der Verzögerung der ersten Stufe, etwa 15 Minuten, geht er an die Empfänger der zweiten Stufe.</li>
<li>Bis zu drei Stufen sind möglich. Die letzte Stufe ist meist eine Führungskraft oder ein externer Dienst.</li>
</ol>
<h2>Eine Regel einrichten</h2>
<ul>
<li>Öffnen Sie in Portico Monitor <em>Standorte, Benachrichtigungen, Eskalation</em>.</li>
<li>Wählen Sie, für welche Schweregrade die Regel gilt; Warnungen lohnen selten eine Eskalation.</li>
<li>Legen Sie die Stufen mit Empfängern und Verzögerungen fest und optional einen Zeitplan, zum Beispiel nur außerhalb der Schichtzeiten.</li>
</ul>
<h2>Quittieren</h2>
<p>Ein Alarm lässt sich in Portico Monitor, in der App Portico Connect oder durch die Antwort <em>OK</em> auf die SMS quittieren. Das Quittieren stoppt die Eskalation, schließt den Alarm aber nicht; er bleibt offen, bis der Wert wieder normal ist.</p>
<h2>Testen</h2>
<p>Nutzen Sie <em>Testalarm senden</em> bei eingeschalteter Eskalation und quittieren Sie ihn nicht, um zu prüfen, ob jede Stufe erreicht wird.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(69, 'en', 'PX-100 gateway: end of life',
 'The PX-100 is no longer sold or supported. What this means for installations still running it, and how to replace it with a PX-200.',
 '<p>The PX-100, our first-generation gateway, reached its end of life. Sales ended two years ago; security updates and repairs ended this year.</p>
<h2>What still works</h2>
<ul>
<li>PX-100 gateways keep sending data to Portico Monitor for now, but they receive no further firmware updates.</li>
<li>Because their certificates cannot be renewed, each PX-100 stops connecting when its device certificate expires.</li>
</ul>
<h2>Replacing a PX-100</h2>
<ol>
<li>Order a PX-200 with the trade-in discount; the PX-100 serial number is required.</li>
<li>Mount the PX-200 in place of the PX-100. The footprint on the DIN rail is the same; the power connector is different and included.</li>
<li>Pair the sensors with the new gateway. VS-2 sensors are compatible with the PX-200; their history is kept.</li>
<li>Return the PX-100 with the prepaid label for recycling.</li>
</ol>
<p>Archived: all remaining PX-100 installations were replaced. The article is kept for reference.</p>', '', UTC_TIMESTAMP(6)),
(69, 'de', 'PX-100-Gateway: Ende der Unterstützung',
 'Das PX-100 wird weder verkauft noch unterstützt. Was das für Anlagen bedeutet, die es noch verwenden, und wie Sie es durch ein PX-200 ersetzen.',
 '<p>Das PX-100, unser Gateway der ersten Generation, hat das Ende seines Lebenszyklus erreicht. Der Verkauf endete vor zwei Jahren, Sicherheitsupdates und Reparaturen in diesem Jahr.</p>
<h2>Was noch funktioniert</h2>
<ul>
<li>PX-100-Gateways senden vorerst weiter Daten an Portico Monitor, erhalten aber keine Firmware-Updates mehr.</li>
<li>Da ihre Zertifikate nicht erneuert werden können, stellt jedes PX-100 die Verbindung ein, sobald sein Gerätezertifikat abläuft.</li>
</ul>
<h2>Ein PX-100 ersetzen</h2>
<ol>
<li>Bestellen Sie ein PX-200 mit dem Eintauschrabatt; die Seriennummer des PX-100 wird benötigt.</li>
<li>Montieren Sie das PX-200 an der Stelle des PX-100. Der Platzbedarf auf der Hutschiene ist gleich; der Stromanschluss ist anders und liegt bei.</li>
<li>Koppeln Sie die Sensoren mit dem neuen Gateway. VS-2-Sensoren sind mit dem PX-200 kompatibel; ihr Verlauf bleibt erhalten.</li>
<li>Senden Sie das PX-100 mit dem vorfrankierten Etikett zum Recycling zurück.</li>
</ol>
<p>Archiviert: Alle verbleibenden PX-100-Anlagen wurden ersetzt. Der Artikel bleibt zum Nachschlagen erhalten.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(70, 'en', 'Legacy FTP export (discontinued)',
 'The nightly FTP export of measurement data was switched off. Use CSV export or the REST API instead.',
 '<p>Until last year, Portico Monitor could upload a nightly CSV file with the measurements of the previous day to an FTP server of the customer. This export has been discontinued because FTP transmits passwords and data unencrypted.</p>
<h2>Alternatives</h2>
<table>
<thead><tr><th>Need</th><th>Use instead</th></tr></thead>
<tbody>
<tr><td>Occasional export for analysis</td><td><a href="/kb/articles/44">CSV export</a> in Portico Monitor</td></tr>
<tr><td>Nightly transfer into a database or data lake</td><td>A scheduled job calling the <a href="/kb/articles/47">REST API</a></td></tr>
<tr><td>Immediate reaction to alarms</td><td><a href="/kb/articles/48">Webhooks</a></td></tr>
</tbody>
</table>
<h2>Migrating a nightly job</h2>
<p>A script that downloads yesterday’s values for all channels of a site through the API needs about twenty lines of code. Our support team can send you an example in Python or PowerShell on request. The file layout of the old export, one row per value with a semicolon separator, can be reproduced with the CSV export option <em>one row per value</em>.</p>
<p>Archived: all customers have migrated; the article is kept so that links from old documentation still lead somewhere.</p>', '', UTC_TIMESTAMP(6)),
(70, 'de', 'Alter FTP-Export (eingestellt)',
 'Der nächtliche FTP-Export der Messdaten wurde abgeschaltet. Verwenden Sie stattdessen den CSV-Export oder die REST-API.',
 '<p>Bis zum letzten Jahr konnte Portico Monitor jede Nacht eine CSV-Datei mit den Messwerten des Vortags auf einen FTP-Server des Kunden hochladen. Dieser Export wurde eingestellt, weil FTP Passwörter und Daten unverschlüsselt überträgt.</p>
<h2>Alternativen</h2>
<table>
<thead><tr><th>Bedarf</th><th>Stattdessen</th></tr></thead>
<tbody>
<tr><td>Gelegentlicher Export zur Auswertung</td><td><a href="/kb/articles/44">CSV-Export</a> in Portico Monitor</td></tr>
<tr><td>Nächtliche Übertragung in eine Datenbank oder einen Data Lake</td><td>Ein zeitgesteuerter Job, der die <a href="/kb/articles/47">REST-API</a> aufruft</td></tr>
<tr><td>Sofortige Reaktion auf Alarme</td><td><a href="/kb/articles/48">Webhooks</a></td></tr>
</tbody>
</table>
<h2>Einen nächtlichen Job umstellen</h2>
<p>Ein Skript, das die Werte von gestern für alle Kanäle eines Standorts über die API abruft, braucht etwa zwanzig Zeilen Code. Unser Support schickt Ihnen auf Wunsch ein Beispiel in Python oder PowerShell. Den Dateiaufbau des alten Exports, eine Zeile je Wert mit Semikolon als Trennzeichen, erhalten Sie mit der CSV-Exportoption <em>eine Zeile je Wert</em>. Fragen zur Umstellung beantwortet unser Support gern in einem Ticket.</p>
<p>Archiviert: Alle Kunden haben umgestellt; der Artikel bleibt erhalten, damit Links aus alter Dokumentation noch irgendwohin führen.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(71, 'en', 'Partner onboarding webinar',
 'New partners join a 90-minute onboarding webinar in their first month: agenda, preparation and the follow-up tasks.',
 '<p>Every new partner company is invited to an onboarding webinar within its first month in the programme. It gives sales and technical staff a shared start and saves many individual questions later.</p>
<h2>Agenda</h2>
<ol>
<li>The Portico portfolio and typical customer situations (20 minutes).</li>
<li>The partner area of the portal: deal registration, quote builder, orders (25 minutes).</li>
<li>Working with Portico support and the first-level support split (20 minutes).</li>
<li>Marketing funds, demo equipment and certification dates (15 minutes).</li>
<li>Questions (10 minutes).</li>
</ol>
<h2>Preparation</h2>
<ul>
<li>Make sure every participant has a partner account; the partner administrator invites them.</li>
<li>Read <a href="/kb/articles/51">The Portico partner programme at a glance</a> beforehand.</li>
<li>Bring one real opportunity: we register it together during the session.</li>
</ul>
<h2>After the webinar</h2>
<p>You receive the slides and the recording. Within four weeks, book the certification course for at least one technician and order a demo case if you have not done so yet.</p>
<p><strong>Draft:</strong> dates for the coming half-year are still missing.</p>', '', UTC_TIMESTAMP(6));
