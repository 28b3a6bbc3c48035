-- Knowledge base demo data, part 6: articles 43-50, "Software &
-- integrations" with "API & webhooks" and "Apps".

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (43, 7,  'building-dashboards',            'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 330 DAY, UTC_TIMESTAMP(6) - INTERVAL 22 DAY,  UTC_TIMESTAMP(6) - INTERVAL 330 DAY, 1760, 64, 7),
  (44, 7,  'exporting-measurement-data-csv', 'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 315 DAY, UTC_TIMESTAMP(6) - INTERVAL 85 DAY,  UTC_TIMESTAMP(6) - INTERVAL 315 DAY, 1380, 55, 6),
  (45, 17, 'portico-connect-mobile-app',     'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 305 DAY, UTC_TIMESTAMP(6) - INTERVAL 11 DAY,  UTC_TIMESTAMP(6) - INTERVAL 305 DAY, 2210, 79, 13),
  (46, 17, 'supported-browsers',             'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 362 DAY, UTC_TIMESTAMP(6) - INTERVAL 190 DAY, UTC_TIMESTAMP(6) - INTERVAL 362 DAY, 905,  30, 2),
  (47, 13, 'rest-api-getting-started',       'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 270 DAY, UTC_TIMESTAMP(6) - INTERVAL 17 DAY,  UTC_TIMESTAMP(6) - INTERVAL 270 DAY, 1590, 71, 5),
  (48, 13, 'receiving-alarms-via-webhooks',  'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 220 DAY, UTC_TIMESTAMP(6) - INTERVAL 38 DAY,  UTC_TIMESTAMP(6) - INTERVAL 220 DAY, 820,  36, 3),
  (49, 13, 'api-rate-limits-and-pagination', 'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 215 DAY, UTC_TIMESTAMP(6) - INTERVAL 115 DAY, UTC_TIMESTAMP(6) - INTERVAL 215 DAY, 466,  18, 2),
  (50, 7,  'integrating-with-sap-pm',        'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 180 DAY, UTC_TIMESTAMP(6) - INTERVAL 24 DAY,  UTC_TIMESTAMP(6) - INTERVAL 180 DAY, 733,  27, 4);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(43, 'en', 'Building dashboards in Portico Monitor',
 'Create dashboards for a site, a machine group or the control room: widgets, time ranges, sharing and a few layouts that work well.',
 '<p>A dashboard shows the state of many machines at a glance. Portico Monitor comes with a default dashboard per site; create your own for the views your team needs every day.</p>
<h2>Creating a dashboard</h2>
<ol>
<li>Open <strong>Dashboards</strong> and choose <strong>New dashboard</strong>.</li>
<li>Give it a name and choose the scope: a site, a group of machines or your whole company.</li>
<li>Add widgets from the panel on the right and drag them into place.</li>
<li>Save. The dashboard is private until you share it.</li>
</ol>
<h2>Widgets</h2>
<table>
<thead><tr><th>Widget</th><th>Shows</th><th>Good for</th></tr></thead>
<tbody>
<tr><td>Machine status map</td><td>Each machine as a tile coloured by its worst alarm</td><td>Control room screens</td></tr>
<tr><td>Trend chart</td><td>One or more channels over time</td><td>Comparing bearings, spotting gradual wear</td></tr>
<tr><td>Alarm list</td><td>Open alarms with age and acknowledgement</td><td>Shift handover</td></tr>
<tr><td>Key figure</td><td>One value with its threshold</td><td>Critical machines</td></tr>
<tr><td>Spectrum</td><td>Frequency spectrum of the last raw waveform</td><td>Vibration specialists</td></tr>
</tbody>
</table>
<h2>Sharing</h2>
<p>Share a dashboard with individual colleagues or with everybody in your company who can see the site. For wall screens, create a <em>kiosk link</em>: it shows the dashboard without sign-in, read-only, and can be revoked at any time.</p>
<h2>Tips</h2>
<ul>
<li>Keep control room dashboards simple: a status map and an alarm list are often enough.</li>
<li>Use a time range of 30 days for trends; wear shows over weeks, not hours.</li>
<li>Combine vibration with a process value from the controller to see whether a rise comes from load.</li>
</ul>', '', UTC_TIMESTAMP(6)),
(43, 'de', 'Dashboards in Portico Monitor erstellen',
 'Dashboards für einen Standort, eine Maschinengruppe oder die Leitwarte anlegen: Widgets, Zeiträume, Freigabe und einige bewährte Layouts.',
 '<p>Ein Dashboard zeigt den Zustand vieler Maschinen auf einen Blick. Portico Monitor bringt für jeden Standort ein Standard-Dashboard mit; legen Sie eigene für die Ansichten an, die Ihr Team täglich braucht.</p>
<h2>Ein Dashboard anlegen</h2>
<ol>
<li>Öffnen Sie <strong>Dashboards</strong> und wählen Sie <strong>Neues Dashboard</strong>.</li>
<li>Geben Sie einen Namen ein und wählen Sie den Bereich: einen Standort, eine Maschinengruppe oder Ihr ganzes Unternehmen.</li>
<li>Fügen Sie Widgets aus der Leiste rechts hinzu und ziehen Sie sie an ihren Platz.</li>
<li>Speichern. Das Dashboard ist privat, bis Sie es freigeben.</li>
</ol>
<h2>Widgets</h2>
<table>
<thead><tr><th>Widget</th><th>Zeigt</th><th>Geeignet für</th></tr></thead>
<tbody>
<tr><td>Maschinenstatuskarte</td><td>Jede Maschine als Kachel, gefärbt nach ihrem schwersten Alarm</td><td>Bildschirme in der Leitwarte</td></tr>
<tr><td>Trenddiagramm</td><td>Einen oder mehrere Kanäle über die Zeit</td><td>Lager vergleichen, schleichenden Verschleiß erkennen</td></tr>
<tr><td>Alarmliste</td><td>Offene Alarme mit Alter und Quittierung</td><td>Schichtübergabe</td></tr>
<tr><td>Kennzahl</td><td>Einen Wert mit seiner Schwelle</td><td>Kritische Maschinen</td></tr>
<tr><td>Spektrum</td><td>Frequenzspektrum des letzten Rohsignals</td><td>Schwingungsfachleute</td></tr>
</tbody>
</table>
<h2>Freigeben</h2>
<p>Geben Sie ein Dashboard einzelnen Kolleginnen und Kollegen frei oder allen in Ihrem Unternehmen, die den Standort sehen dürfen. Für Wandbildschirme erstellen Sie einen <em>Kiosk-Link</em>: Er zeigt das Dashboard ohne Anmeldung und nur lesend und lässt sich jederzeit widerrufen.</p>
<h2>Tipps</h2>
<ul>
<li>Halten Sie Leitwarten-Dashboards einfach: Eine Statuskarte und eine Alarmliste genügen oft.</li>
<li>Verwenden Sie für Trends einen Zeitraum von 30 Tagen; Verschleiß zeigt sich über Wochen, nicht Stunden.</li>
<li>Kombinieren Sie Schwingung mit einem Prozesswert aus der Steuerung, um zu sehen, ob ein Anstieg von der Last kommt.</li>
</ul>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(44, 'en', 'Exporting measurement data as CSV',
 'Export channels for a time range as CSV for Excel or your own analysis: formats, resolution, time zones and size limits.',
 '<p>Measurement data belongs to you. You can export any channel that you can see in Portico Monitor, at any time and as often as you like.</p>
<h2>Exporting</h2>
<ol>
<li>Open a machine or a trend chart and choose <strong>Export</strong>.</li>
<li>Select the channels, the time range and the resolution: raw values, or averages per minute, hour or day.</li>
<li>Choose the format options (below) and start the export.</li>
<li>Small exports download immediately. Larger ones are prepared in the background; you receive an e-mail with a download link valid for seven days.</li>
</ol>
<h2>Format options</h2>
<table>
<thead><tr><th>Option</th><th>Choices</th><th>Recommendation</th></tr></thead>
<tbody>
<tr><td>Separator</td><td>comma, semicolon, tab</td><td>Semicolon for Excel with German settings</td></tr>
<tr><td>Decimal mark</td><td>point, comma</td><td>Must differ from the separator</td></tr>
<tr><td>Time stamps</td><td>UTC, site time zone</td><td>UTC for analysis, site time for reports</td></tr>
<tr><td>Layout</td><td>one column per channel, one row per value</td><td>Columns for Excel, rows for databases</td></tr>
</tbody>
</table>
<pre><code>timestamp;pump3_de_velocity_mm_s;pump3_de_temperature_c
2025-03-01T06:00:00Z;2.41;48.2
2025-03-01T06:10:00Z;2.39;48.5</code></pre>
<h2>Limits</h2>
<p>One export may contain up to 50 channels and 10 million values. For regular, automated exports use the REST API instead; see <a href="/kb/articles/47">Getting started with the REST API</a>.</p>
<h2>After a contract ends</h2>
<p>Exports remain possible for 90 days after the end of a contract. Raw waveforms are exported as separate files per recording.</p>', '', UTC_TIMESTAMP(6)),
(44, 'de', 'Messdaten als CSV exportieren',
 'Kanäle für einen Zeitraum als CSV für Excel oder eigene Auswertungen exportieren: Formate, Auflösung, Zeitzonen und Größengrenzen.',
 '<p>Messdaten gehören Ihnen. Sie können jeden Kanal, den Sie in Portico Monitor sehen, jederzeit und beliebig oft exportieren.</p>
<h2>Exportieren</h2>
<ol>
<li>Öffnen Sie eine Maschine oder ein Trenddiagramm und wählen Sie <strong>Exportieren</strong>.</li>
<li>Wählen Sie die Kanäle, den Zeitraum und die Auflösung: Rohwerte oder Mittelwerte pro Minute, Stunde oder Tag.</li>
<li>Wählen Sie die Formatoptionen (siehe unten) und starten Sie den Export.</li>
<li>Kleine Exporte werden sofort heruntergeladen. Größere werden im Hintergrund vorbereitet; Sie erhalten eine E-Mail mit einem Download-Link, der sieben Tage gültig ist.</li>
</ol>
<h2>Formatoptionen</h2>
<table>
<thead><tr><th>Option</th><th>Auswahl</th><th>Empfehlung</th></tr></thead>
<tbody>
<tr><td>Trennzeichen</td><td>Komma, Semikolon, Tabulator</td><td>Semikolon für Excel mit deutschen Einstellungen</td></tr>
<tr><td>Dezimalzeichen</td><td>Punkt, Komma</td><td>Muss sich vom Trennzeichen unterscheiden</td></tr>
<tr><td>Zeitstempel</td><td>UTC, Zeitzone des Standorts</td><td>UTC für Auswertungen, Standortzeit für Berichte</td></tr>
<tr><td>Aufbau</td><td>eine Spalte je Kanal, eine Zeile je Wert</td><td>Spalten für Excel, Zeilen für Datenbanken</td></tr>
</tbody>
</table>
<pre><code>timestamp;pump3_de_velocity_mm_s;pump3_de_temperature_c
2025-03-01T06:00:00Z;2,41;48,2
2025-03-01T06:10:00Z;2,39;48,5</code></pre>
<h2>Grenzen</h2>
<p>Ein Export darf bis zu 50 Kanäle und 10 Millionen Werte enthalten. Für regelmäßige, automatische Exporte verwenden Sie besser die REST-API; siehe <a href="/kb/articles/47">Einstieg in die REST-API</a>.</p>
<h2>Nach Vertragsende</h2>
<p>Exporte sind bis 90 Tage nach Vertragsende möglich. Rohsignale werden als eigene Dateien je Aufzeichnung exportiert.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(45, 'en', 'The Portico Connect mobile app',
 'Alarms as push notifications, machine status on the shop floor and sensor pairing by NFC: installing and signing in to Portico Connect.',
 '<p>Portico Connect brings the most important functions of Portico Monitor to your phone: alarms, machine status and the tools a technician needs at the machine. It is free for all customers.</p>
<h2>Installing</h2>
<p>Portico Connect is available for Android 11 or later and iOS 16 or later in the usual app stores; search for <em>Portico Connect</em>. Companies that manage their phones centrally can distribute the app through their mobile device management.</p>
<h2>Signing in</h2>
<ol>
<li>Open the app and enter your portal e-mail address.</li>
<li>Sign in with your portal password, or through your company’s single sign-on if it is set up.</li>
<li>Allow notifications if you want to receive alarms.</li>
</ol>
<p>The app stays signed in for 30 days. Lost phones can be signed out remotely under <em>Account, Sessions</em> in the portal.</p>
<h2>What you can do</h2>
<ul>
<li><strong>Alarms</strong>: receive push notifications, acknowledge alarms and add a comment with a photo.</li>
<li><strong>Machines</strong>: see status and trends of the last 30 days, offline too for the machines you marked as favourites.</li>
<li><strong>Sensor pairing</strong>: hold the phone to a VS-3 to read its serial number by NFC and pair it without a magnet.</li>
<li><strong>Scan</strong>: scan the QR code on a machine label to open that machine directly.</li>
</ul>
<h2>Notifications do not arrive</h2>
<p>Check that notifications are allowed for the app in the phone settings, that battery optimisation does not stop the app on Android, and that you are on the notification list of the site in Portico Monitor.</p>', '', UTC_TIMESTAMP(6)),
(45, 'de', 'Die mobile App Portico Connect',
 'Alarme als Push-Benachrichtigung, Maschinenstatus in der Halle und Sensorkopplung per NFC: Portico Connect installieren und anmelden.',
 '<p>Portico Connect bringt die wichtigsten Funktionen von Portico Monitor auf Ihr Smartphone: Alarme, Maschinenstatus und die Werkzeuge, die Technikerinnen und Techniker an der Maschine brauchen. Die App ist für alle Kunden kostenlos.</p>
<h2>Installieren</h2>
<p>Portico Connect gibt es für Android ab Version 11 und iOS ab Version 16 in den üblichen App-Stores; suchen Sie nach <em>Portico Connect</em>. Unternehmen mit zentraler Geräteverwaltung können die App über ihr Mobile-Device-Management verteilen.</p>
<h2>Anmelden</h2>
<ol>
<li>Öffnen Sie die App und geben Sie Ihre Portal-E-Mail-Adresse ein.</li>
<li>Melden Sie sich mit Ihrem Portalpasswort an oder über das Single Sign-on Ihres Unternehmens, falls eingerichtet.</li>
<li>Erlauben Sie Benachrichtigungen, wenn Sie Alarme erhalten möchten.</li>
</ol>
<p>Die App bleibt 30 Tage angemeldet. Verlorene Telefone melden Sie im Portal unter <em>Konto, Sitzungen</em> aus der Ferne ab.</p>
<h2>Was Sie tun können</h2>
<ul>
<li><strong>Alarme</strong>: Push-Benachrichtigungen erhalten, Alarme quittieren und einen Kommentar mit Foto ergänzen.</li>
<li><strong>Maschinen</strong>: Status und Trends der letzten 30 Tage sehen, für als Favorit markierte Maschinen auch offline.</li>
<li><strong>Sensorkopplung</strong>: Das Telefon an einen VS-3 halten, um die Seriennummer per NFC zu lesen und ihn ohne Magnet zu koppeln.</li>
<li><strong>Scannen</strong>: Den QR-Code auf einem Maschinenschild scannen, um die Maschine direkt zu öffnen.</li>
</ul>
<h2>Benachrichtigungen kommen nicht an</h2>
<p>Prüfen Sie, ob Benachrichtigungen für die App in den Telefoneinstellungen erlaubt sind, ob die Akku-Optimierung unter Android die App nicht beendet und ob Sie in Portico Monitor auf der Benachrichtigungsliste des Standorts stehen.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(46, 'en', 'Supported browsers and system requirements',
 'The portal and Portico Monitor run in current versions of the common browsers; what to do if pages look broken or sign-in fails.',
 '<p>The portal and Portico Monitor are web applications: nothing has to be installed on your computer. They work in the current and the previous major version of these browsers:</p>
<ul>
<li>Google Chrome and Microsoft Edge</li>
<li>Mozilla Firefox, including the Extended Support Release</li>
<li>Safari on macOS and iPadOS</li>
</ul>
<p>Internet Explorer is not supported.</p>
<h2>Screen and devices</h2>
<p>The portal adapts to screens from phone size upwards. Portico Monitor’s dashboards are designed for at least 1280 pixels width; on smaller screens, use the <a href="/kb/articles/45">Portico Connect app</a>. For control room screens, a 4K display in kiosk mode works well.</p>
<h2>Settings that matter</h2>
<ul>
<li><strong>Cookies</strong> must be allowed for the portal; it uses them only to keep you signed in and to protect forms.</li>
<li><strong>JavaScript</strong> is needed for Portico Monitor’s charts. The portal’s pages, including the knowledge base, also work without it.</li>
<li><strong>Pop-up blockers</strong> may block exports that open in a new tab; allow pop-ups for the portal.</li>
</ul>
<h2>Pages look broken or sign-in fails</h2>
<ol>
<li>Reload the page while holding the Shift key, to bypass old cached files.</li>
<li>Try a private window. If it works there, a browser extension is usually the cause; ad blockers and script blockers are the usual suspects.</li>
<li>Check that the computer’s clock is correct; a wrong clock breaks secure connections.</li>
</ol>
<p>If the problem persists, open a ticket with the browser name and version and a screenshot.</p>', '', UTC_TIMESTAMP(6)),
(46, 'de', 'Unterstützte Browser und Systemanforderungen',
 'Portal und Portico Monitor laufen in aktuellen Versionen der gängigen Browser; was zu tun ist, wenn Seiten fehlerhaft aussehen oder die Anmeldung scheitert.',
 '<p>Portal und Portico Monitor sind Webanwendungen: Auf Ihrem Rechner muss nichts installiert werden. Sie funktionieren in der aktuellen und der vorherigen Hauptversion dieser Browser:</p>
<ul>
<li>Google Chrome und Microsoft Edge</li>
<li>Mozilla Firefox, einschließlich der Extended Support Release</li>
<li>Safari unter macOS und iPadOS</li>
</ul>
<p>Der Internet Explorer wird nicht unterstützt.</p>
<h2>Bildschirm und Geräte</h2>
<p>Das Portal passt sich an Bildschirme ab Smartphone-Größe an. Die Dashboards von Portico Monitor sind für mindestens 1280 Pixel Breite ausgelegt; auf kleineren Bildschirmen verwenden Sie die <a href="/kb/articles/45">App Portico Connect</a>. Für Leitwarten eignet sich ein 4K-Bildschirm im Kiosk-Modus.</p>
<h2>Wichtige Einstellungen</h2>
<ul>
<li><strong>Cookies</strong> müssen für das Portal erlaubt sein; es nutzt sie nur, um Sie angemeldet zu halten und Formulare zu schützen.</li>
<li><strong>JavaScript</strong> wird für die Diagramme von Portico Monitor benötigt. Die Seiten des Portals, auch die Wissensdatenbank, funktionieren ohne.</li>
<li><strong>Pop-up-Blocker</strong> können Exporte blockieren, die sich in einem neuen Tab öffnen; erlauben Sie Pop-ups für das Portal.</li>
</ul>
<h2>Seiten sehen fehlerhaft aus oder die Anmeldung scheitert</h2>
<ol>
<li>Laden Sie die Seite mit gedrückter Umschalttaste neu, um alte zwischengespeicherte Dateien zu umgehen.</li>
<li>Versuchen Sie ein privates Fenster. Funktioniert es dort, ist meist eine Browsererweiterung die Ursache; Werbe- und Skriptblocker sind die üblichen Verdächtigen.</li>
<li>Prüfen Sie, ob die Uhr des Rechners stimmt; eine falsche Uhrzeit stört sichere Verbindungen.</li>
</ol>
<p>Besteht das Problem weiter, eröffnen Sie ein Ticket mit Browsername, Version und einem Bildschirmfoto.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(47, 'en', 'Getting started with the REST API',
 'Create an API token, make your first request, and read machines, channels and measurements from Portico Monitor in your own systems.',
 '<p>The Portico Monitor REST API gives your own systems access to the same data you see in the browser: sites, machines, channels, measurements and alarms. All responses are JSON.</p>
<h2>1. Create a token</h2>
<p>A customer administrator creates API tokens under <em>Organisation, API tokens</em>. Each token has a name, a scope (read, or read and acknowledge alarms) and optionally an expiry date. The token is shown only once: store it in your secret store.</p>
<h2>2. First request</h2>
<pre><code>curl -H "Authorization: Bearer $PORTICO_TOKEN" https://api.portico-monitor.example/v1/sites</code></pre>
<pre><code>{
  "data": [
    { "id": "st_4kq9", "name": "Leeds plant", "time_zone": "Europe/London" }
  ],
  "next": null
}</code></pre>
<h2>3. Machines and channels</h2>
<table>
<thead><tr><th>Endpoint</th><th>Returns</th></tr></thead>
<tbody>
<tr><td><code>GET /v1/sites/{id}/machines</code></td><td>Machines of a site with their status</td></tr>
<tr><td><code>GET /v1/machines/{id}/channels</code></td><td>Channels of a machine: sensors and process values</td></tr>
<tr><td><code>GET /v1/channels/{id}/values?from=...&amp;to=...</code></td><td>Measurements in a time range</td></tr>
<tr><td><code>GET /v1/alarms?state=open</code></td><td>Open alarms of your company</td></tr>
</tbody>
</table>
<h2>Good practice</h2>
<ul>
<li>Ask for aggregated values (<code>resolution=1h</code>) unless you really need raw data.</li>
<li>Do not poll for alarms every few seconds; use <a href="/kb/articles/48">webhooks</a> instead.</li>
<li>Respect the rate limits described in <a href="/kb/articles/49">API rate limits and pagination</a>.</li>
</ul>
<p>The complete reference with all fields is linked in Portico Monitor under <em>Help, API reference</em>.</p>', '', UTC_TIMESTAMP(6)),
(47, 'de', 'Einstieg in die REST-API',
 'Ein API-Token erzeugen, die erste Anfrage stellen und Maschinen, Kanäle und Messwerte aus Portico Monitor in eigenen Systemen lesen.',
 '<p>Die REST-API von Portico Monitor gibt Ihren eigenen Systemen Zugriff auf dieselben Daten, die Sie im Browser sehen: Standorte, Maschinen, Kanäle, Messwerte und Alarme. Alle Antworten sind JSON.</p>
<h2>1. Ein Token erzeugen</h2>
<p>Die Kundenadministration erzeugt API-Tokens unter <em>Organisation, API-Tokens</em>. Jedes Token hat einen Namen, einen Umfang (lesen oder lesen und Alarme quittieren) und optional ein Ablaufdatum. Das Token wird nur einmal angezeigt: Legen Sie es in Ihrem Geheimnisspeicher ab.</p>
<h2>2. Die erste Anfrage</h2>
<pre><code>curl -H "Authorization: Bearer $PORTICO_TOKEN" https://api.portico-monitor.example/v1/sites</code></pre>
<pre><code>{
  "data": [
    { "id": "st_7bm2", "name": "Werk Lüdenscheid", "time_zone": "Europe/Berlin" }
  ],
  "next": null
}</code></pre>
<h2>3. Maschinen und Kanäle</h2>
<table>
<thead><tr><th>Endpunkt</th><th>Liefert</th></tr></thead>
<tbody>
<tr><td><code>GET /v1/sites/{id}/machines</code></td><td>Maschinen eines Standorts mit ihrem Status</td></tr>
<tr><td><code>GET /v1/machines/{id}/channels</code></td><td>Kanäle einer Maschine: Sensoren und Prozesswerte</td></tr>
<tr><td><code>GET /v1/channels/{id}/values?from=...&amp;to=...</code></td><td>Messwerte in einem Zeitraum</td></tr>
<tr><td><code>GET /v1/alarms?state=open</code></td><td>Offene Alarme Ihres Unternehmens</td></tr>
</tbody>
</table>
<h2>Bewährte Praxis</h2>
<ul>
<li>Fragen Sie verdichtete Werte ab (<code>resolution=1h</code>), wenn Sie nicht wirklich Rohdaten brauchen.</li>
<li>Fragen Sie Alarme nicht alle paar Sekunden ab; nutzen Sie stattdessen <a href="/kb/articles/48">Webhooks</a>.</li>
<li>Beachten Sie die Ratenbegrenzung aus <a href="/kb/articles/49">API rate limits and pagination</a> (auf Englisch).</li>
</ul>
<p>Die vollständige Referenz mit allen Feldern ist in Portico Monitor unter <em>Hilfe, API-Referenz</em> verlinkt.</p>', '', UTC_TIMESTAMP(6));

-- Only in English so far.
INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(48, 'en', 'Receiving alarms via webhooks',
 'Let Portico Monitor call your endpoint when an alarm is raised, acknowledged or cleared; payload, signature check and retries.',
 '<p>Webhooks push alarm events to your systems the moment they happen: to create a work order in your maintenance software, post to a chat channel or trigger a siren. They are configured per company by a customer administrator.</p>
<h2>Setting up a webhook</h2>
<ol>
<li>Open <em>Organisation, Webhooks</em> in Portico Monitor and choose <strong>Add</strong>.</li>
<li>Enter the HTTPS URL of your endpoint. Plain HTTP is not accepted.</li>
<li>Choose the events: <code>alarm.raised</code>, <code>alarm.acknowledged</code>, <code>alarm.cleared</code>, <code>gateway.offline</code>.</li>
<li>Optionally limit it to sites or severities. Save and copy the signing secret.</li>
</ol>
<h2>The payload</h2>
<pre><code>POST /portico-hook HTTP/1.1
Content-Type: application/json
Portico-Signature: t=1718000000,v1=5f2c...

{
  "event": "alarm.raised",
  "alarm": { "id": "al_93x1", "severity": "alarm", "rule": "Velocity above 7.1 mm/s" },
  "machine": { "id": "mc_22ab", "name": "Pump 3" },
  "site": { "id": "st_4kq9", "name": "Leeds plant" },
  "value": 7.8,
  "at": "2025-06-10T06:13:20Z"
}</code></pre>
<h2>Verifying the signature</h2>
<p>Compute an HMAC-SHA256 over the time stamp, a dot and the raw request body, with the signing secret as key, and compare it with <code>v1</code>. Reject requests whose time stamp is older than five minutes, to prevent replays.</p>
<h2>Answering and retries</h2>
<p>Answer with any 2xx status within ten seconds; do the real work asynchronously. On errors or timeouts we retry after 1, 5, 30 and 120 minutes. After four failed attempts the event is dropped and shown under <em>Webhooks, Deliveries</em>, where you can resend it. A webhook that fails for three days is disabled and the administrators are informed.</p>', '', UTC_TIMESTAMP(6));

-- Only in English so far.
INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(49, 'en', 'API rate limits and pagination',
 'How many requests the API accepts, how to read the rate-limit headers and how to page through long lists with cursors.',
 '<p>The API protects itself and other customers with rate limits. Well-behaved clients almost never reach them; if you do, the fix is usually to ask for aggregated data or to use webhooks instead of polling.</p>
<h2>Limits</h2>
<table>
<thead><tr><th>Scope</th><th>Limit</th></tr></thead>
<tbody>
<tr><td>Requests per token</td><td>600 per minute</td></tr>
<tr><td>Requests per company</td><td>3,000 per minute, all tokens together</td></tr>
<tr><td>Values per response</td><td>100,000</td></tr>
<tr><td>Concurrent requests per token</td><td>10</td></tr>
</tbody>
</table>
<h2>Headers</h2>
<p>Every response carries the current state of your limit:</p>
<pre><code>RateLimit-Limit: 600
RateLimit-Remaining: 412
RateLimit-Reset: 23</code></pre>
<p>When the limit is exceeded, the API answers <strong>429 Too Many Requests</strong> with a <code>Retry-After</code> header in seconds. Wait at least that long before the next request, and back off exponentially if 429 answers repeat.</p>
<h2>Pagination</h2>
<p>Lists return at most 500 items per page. If there are more, the response contains a <code>next</code> cursor; pass it unchanged to get the following page:</p>
<pre><code>GET /v1/alarms?state=closed&amp;limit=500
GET /v1/alarms?state=closed&amp;limit=500&amp;cursor=eyJpZCI6ImFsXzkzeDEifQ</code></pre>
<p>Cursors are stable: items added while you page through a list do not shift the pages. Do not build cursors yourself; their format may change.</p>
<h2>Need more?</h2>
<p>For large historical exports, ask for a bulk export in a ticket. Premium contracts can have higher limits on request.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(50, 'en', 'Integrating with SAP Plant Maintenance',
 'Create maintenance notifications in SAP PM automatically from Portico alarms, and map machines to SAP functional locations and equipment.',
 '<p>Many of our customers plan maintenance in SAP PM. The Portico SAP connector creates a <strong>maintenance notification</strong> in SAP when an alarm is raised, so the work enters the usual planning process without anyone retyping it.</p>
<h2>How it works</h2>
<ol>
<li>Portico Monitor sends the alarm to the connector via a <a href="/kb/articles/48">webhook</a>.</li>
<li>The connector looks up the SAP equipment number mapped to the machine.</li>
<li>It creates a notification of the configured type, for example <em>M2 malfunction report</em>, with the alarm text, the measured value and a link back to the machine in Portico Monitor.</li>
<li>The notification number is written back to the alarm, so both sides can see the connection.</li>
</ol>
<h2>Mapping machines</h2>
<p>Each machine in Portico Monitor gets the SAP functional location and equipment number as attributes. For many machines at once, upload a CSV file:</p>
<pre><code>machine_id;functional_location;equipment
mc_22ab;LEE-P01-PU03;10004711
mc_22ac;LEE-P01-PU04;10004712</code></pre>
<h2>Requirements</h2>
<ul>
<li>SAP ECC 6.0 or SAP S/4HANA with the standard OData service for maintenance notifications activated.</li>
<li>A technical SAP user with authorisation to create notifications.</li>
<li>The connector runs in Portico’s cloud; a connection from there to your SAP gateway must be possible, or we install the connector on a virtual machine in your network.</li>
</ul>
<h2>Project</h2>
<p>Setting up the connector is a small project of two to five days, depending on your SAP landscape. Ask for an offer with a ticket of type <em>Integration</em>.</p>', '', UTC_TIMESTAMP(6)),
(50, 'de', 'Anbindung an SAP Instandhaltung (PM)',
 'Aus Portico-Alarmen automatisch Instandhaltungsmeldungen in SAP PM erzeugen und Maschinen den SAP-Technischen-Plätzen und Equipments zuordnen.',
 '<p>Viele unserer Kunden planen die Instandhaltung in SAP PM. Der Portico-SAP-Konnektor legt bei einem Alarm eine <strong>Instandhaltungsmeldung</strong> in SAP an, sodass die Arbeit ohne Abtippen in den gewohnten Planungsprozess gelangt.</p>
<h2>So funktioniert es</h2>
<ol>
<li>Portico Monitor sendet den Alarm per <a href="/kb/articles/48">Webhook</a> an den Konnektor.</li>
<li>Der Konnektor sucht die der Maschine zugeordnete SAP-Equipmentnummer.</li>
<li>Er legt eine Meldung der eingestellten Meldungsart an, etwa <em>M2 Störmeldung</em>, mit Alarmtext, Messwert und einem Link zurück zur Maschine in Portico Monitor.</li>
<li>Die Meldungsnummer wird in den Alarm zurückgeschrieben, damit beide Seiten den Zusammenhang sehen.</li>
</ol>
<h2>Maschinen zuordnen</h2>
<p>Jede Maschine in Portico Monitor erhält den SAP-Technischen-Platz und die Equipmentnummer als Attribute. Für viele Maschinen auf einmal laden Sie eine CSV-Datei hoch:</p>
<pre><code>machine_id;functional_location;equipment
mc_31de;LUE-H02-VE01;20008150
mc_31df;LUE-H02-VE02;20008151</code></pre>
<h2>Voraussetzungen</h2>
<ul>
<li>SAP ECC 6.0 oder SAP S/4HANA mit aktiviertem Standard-OData-Service für Instandhaltungsmeldungen.</li>
<li>Ein technischer SAP-Benutzer mit der Berechtigung, Meldungen anzulegen.</li>
<li>Der Konnektor läuft in der Portico-Cloud; von dort muss eine Verbindung zu Ihrem SAP-Gateway möglich sein, oder wir installieren den Konnektor auf einer virtuellen Maschine in Ihrem Netz.</li>
</ul>
<h2>Projekt</h2>
<p>Die Einrichtung des Konnektors ist ein kleines Projekt von zwei bis fünf Tagen, abhängig von Ihrer SAP-Landschaft. Fordern Sie ein Angebot mit einem Ticket vom Typ <em>Integration</em> an.</p>', '', UTC_TIMESTAMP(6));
