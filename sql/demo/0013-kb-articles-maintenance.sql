-- Knowledge base demo data, part 4: articles 23-32, "Maintenance &
-- troubleshooting" with "Error codes" and "Preventive maintenance".

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (23, 4,  'gateway-shows-offline',          'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 356 DAY, UTC_TIMESTAMP(6) - INTERVAL 3 DAY,   UTC_TIMESTAMP(6) - INTERVAL 356 DAY, 6120, 240, 31),
  (24, 4,  'sensor-sends-no-data',           'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 344 DAY, UTC_TIMESTAMP(6) - INTERVAL 25 DAY,  UTC_TIMESTAMP(6) - INTERVAL 344 DAY, 3390, 127, 19),
  (25, 4,  'tuning-alarm-thresholds',        'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 310 DAY, UTC_TIMESTAMP(6) - INTERVAL 58 DAY,  UTC_TIMESTAMP(6) - INTERVAL 310 DAY, 1980, 76, 10),
  (26, 4,  'restarting-the-gateway-safely',  'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, UTC_TIMESTAMP(6) - INTERVAL 133 DAY, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, 1210, 45, 3),
  (27, 11, 'error-e101-certificate',         'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 290 DAY, UTC_TIMESTAMP(6) - INTERVAL 14 DAY,  UTC_TIMESTAMP(6) - INTERVAL 290 DAY, 1570, 69, 6),
  (28, 11, 'error-e204-time-not-synchronised','customer','published', 4, UTC_TIMESTAMP(6) - INTERVAL 288 DAY, UTC_TIMESTAMP(6) - INTERVAL 70 DAY,  UTC_TIMESTAMP(6) - INTERVAL 288 DAY, 1105, 51, 2),
  (29, 11, 'error-e310-storage-almost-full', 'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 250 DAY, UTC_TIMESTAMP(6) - INTERVAL 90 DAY,  UTC_TIMESTAMP(6) - INTERVAL 250 DAY, 640,  28, 2),
  (30, 12, 'maintenance-intervals',          'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 335 DAY, UTC_TIMESTAMP(6) - INTERVAL 40 DAY,  UTC_TIMESTAMP(6) - INTERVAL 335 DAY, 1840, 70, 4),
  (31, 12, 'vs-3-battery-replacement',       'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 260 DAY, UTC_TIMESTAMP(6) - INTERVAL 100 DAY, UTC_TIMESTAMP(6) - INTERVAL 260 DAY, 1422, 63, 5),
  (32, 12, 'annual-on-site-inspection',      'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 210 DAY, UTC_TIMESTAMP(6) - INTERVAL 36 DAY,  UTC_TIMESTAMP(6) - INTERVAL 210 DAY, 512,  20, 1);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(23, 'en', 'Gateway shows as offline: what to check',
 'Portico Monitor shows a gateway as offline? Work through power, network, time and certificate in this order; most cases are solved on site in minutes.',
 '<p>A gateway is shown as <strong>offline</strong> when Portico Monitor has not heard from it for ten minutes. The sensors keep measuring: the gateway buffers up to seven days of data and sends it once it is back online.</p>
<h2>1. Look at the status LED</h2>
<table>
<thead><tr><th>LED</th><th>Meaning</th><th>Next step</th></tr></thead>
<tbody>
<tr><td>Off</td><td>No power</td><td>Check the 24 V supply and the fuse in the cabinet.</td></tr>
<tr><td>Orange</td><td>Running, no connection to Portico Monitor</td><td>Continue with step 2.</td></tr>
<tr><td>Red, flashing</td><td>Error code on the display</td><td>Search the knowledge base for the code.</td></tr>
<tr><td>Cyan</td><td>Online via LTE fallback</td><td>The wired network is down; see step 2.</td></tr>
</tbody>
</table>
<h2>2. Check the network</h2>
<ul>
<li>Is the cable in the port marked <strong>WAN</strong> (not LAN)? Does the port LED blink?</li>
<li>Did anything change in the network: a new firewall, a new switch, a changed proxy?</li>
<li>Run <em>Diagnostics, Connectivity</em> in the local web interface and compare with the <a href="/kb/articles/15">network requirements</a>.</li>
</ul>
<h2>3. Time and certificate</h2>
<p>If the diagnostics show a TLS error, the gateway’s clock may be wrong (E204) or its certificate expired (E101).</p>
<h2>4. Restart</h2>
<p>Only when the steps above do not help, restart the gateway as described in <em>Restarting the gateway safely</em>.</p>
<h2>Still offline?</h2>
<p>Open a ticket with the serial number, the LED colour and the diagnostics file. With a Plus or Premium contract we can often see the last messages the gateway sent before it went silent.</p>', '', UTC_TIMESTAMP(6)),
(23, 'de', 'Gateway wird als offline angezeigt: was zu prüfen ist',
 'Portico Monitor zeigt ein Gateway als offline? Prüfen Sie Stromversorgung, Netzwerk, Uhrzeit und Zertifikat in dieser Reihenfolge; die meisten Fälle sind vor Ort in Minuten gelöst.',
 '<p>Ein Gateway gilt als <strong>offline</strong>, wenn Portico Monitor seit zehn Minuten nichts von ihm gehört hat. Die Sensoren messen weiter: Das Gateway puffert bis zu sieben Tage Daten und sendet sie, sobald es wieder online ist.</p>
<h2>1. Die Status-LED ansehen</h2>
<table>
<thead><tr><th>LED</th><th>Bedeutung</th><th>Nächster Schritt</th></tr></thead>
<tbody>
<tr><td>Aus</td><td>Keine Stromversorgung</td><td>24-V-Versorgung und Sicherung im Schaltschrank prüfen.</td></tr>
<tr><td>Orange</td><td>Läuft, keine Verbindung zu Portico Monitor</td><td>Weiter mit Schritt 2.</td></tr>
<tr><td>Rot, blinkend</td><td>Fehlercode im Display</td><td>Den Code in der Wissensdatenbank suchen.</td></tr>
<tr><td>Cyan</td><td>Online über die LTE-Ausweichverbindung</td><td>Das Kabelnetz ist ausgefallen; siehe Schritt 2.</td></tr>
</tbody>
</table>
<h2>2. Das Netzwerk prüfen</h2>
<ul>
<li>Steckt das Kabel im Port <strong>WAN</strong> (nicht LAN)? Blinkt die Port-LED?</li>
<li>Hat sich im Netzwerk etwas geändert: eine neue Firewall, ein neuer Switch, ein geänderter Proxy?</li>
<li>Führen Sie in der lokalen Weboberfläche <em>Diagnose, Konnektivität</em> aus und vergleichen Sie mit den <a href="/kb/articles/15">Netzwerkanforderungen</a>.</li>
</ul>
<h2>3. Uhrzeit und Zertifikat</h2>
<p>Zeigt die Diagnose einen TLS-Fehler, geht vielleicht die Uhr des Gateways falsch (E204) oder sein Zertifikat ist abgelaufen (E101).</p>
<h2>4. Neustart</h2>
<p>Erst wenn die Schritte oben nicht helfen, starten Sie das Gateway neu, wie in <em>Das Gateway sicher neu starten</em> beschrieben.</p>
<h2>Immer noch offline?</h2>
<p>Eröffnen Sie ein Ticket mit Seriennummer, LED-Farbe und Diagnosedatei. Mit einem Plus- oder Premium-Vertrag sehen wir oft die letzten Nachrichten, die das Gateway gesendet hat, bevor es verstummte.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(24, 'en', 'A sensor sends no data',
 'One VS-3 sensor stays grey while the others report: check battery, radio signal, pairing and the measuring schedule.',
 '<p>If the gateway is online but a single sensor shows no new values, the cause is almost always at the sensor: battery, radio or pairing. Portico Monitor marks a sensor grey after three missed measurements.</p>
<h2>Check in Portico Monitor first</h2>
<ul>
<li><strong>Battery</strong>: the sensor page shows the remaining capacity. Below 10 % the sensor reduces its measurements; at 0 % it stops.</li>
<li><strong>Signal</strong>: the last known signal strength. Values below −85 dBm are unreliable.</li>
<li><strong>Schedule</strong>: a sensor set to measure only while the machine runs sends nothing during a standstill. This is correct behaviour.</li>
</ul>
<h2>On site</h2>
<ol>
<li>Hold a magnet to the sensor’s marked spot for one second. A green flash means the sensor is alive and paired; red means it lost its pairing; no flash means the battery is empty.</li>
<li>If red, pair it again as described in <a href="/kb/articles/16">Mounting VS-3 vibration sensors correctly</a>; the history is kept because the serial number is the same.</li>
<li>If the signal is weak, look for changes near the sensor: a new steel cover, a moved cabinet, a stack of pallets. An antenna extension for the gateway or a repeater usually helps.</li>
</ol>
<h2>Several sensors at once</h2>
<p>If several sensors on the same gateway stop at the same time, the problem is at the gateway’s radio: check that both sensor antennas are attached and undamaged. A gateway firmware update in the last hours can also require the sensors to reconnect, which takes up to 30 minutes.</p>
<p>If nothing helps, open a ticket with the sensor’s serial number; with a valid contract we replace defective sensors within the delivery times in <a href="/kb/articles/35">Delivery times and shipping options</a>.</p>', '', UTC_TIMESTAMP(6)),
(24, 'de', 'Ein Sensor sendet keine Daten',
 'Ein VS-3-Sensor bleibt grau, während die anderen melden: Batterie, Funksignal, Kopplung und Messplan prüfen.',
 '<p>Ist das Gateway online, zeigt aber ein einzelner Sensor keine neuen Werte, liegt die Ursache fast immer am Sensor: Batterie, Funk oder Kopplung. Portico Monitor färbt einen Sensor nach drei ausgebliebenen Messungen grau.</p>
<h2>Zuerst in Portico Monitor prüfen</h2>
<ul>
<li><strong>Batterie</strong>: Die Sensorseite zeigt die Restkapazität. Unter 10 % reduziert der Sensor seine Messungen, bei 0 % hört er auf.</li>
<li><strong>Signal</strong>: die zuletzt bekannte Signalstärke. Werte unter −85 dBm sind unzuverlässig.</li>
<li><strong>Messplan</strong>: Ein Sensor, der nur bei laufender Maschine misst, sendet während eines Stillstands nichts. Das ist korrekt.</li>
</ul>
<h2>Vor Ort</h2>
<ol>
<li>Halten Sie eine Sekunde lang einen Magneten an die markierte Stelle des Sensors. Ein grünes Blinken bedeutet: Sensor lebt und ist gekoppelt; rot: Kopplung verloren; kein Blinken: Batterie leer.</li>
<li>Bei Rot koppeln Sie ihn neu, wie in <a href="/kb/articles/16">VS-3-Schwingungssensoren richtig montieren</a> beschrieben; der Verlauf bleibt erhalten, da die Seriennummer gleich bleibt.</li>
<li>Ist das Signal schwach, suchen Sie nach Veränderungen in der Nähe: eine neue Stahlabdeckung, ein versetzter Schrank, gestapelte Paletten. Eine Antennenverlängerung am Gateway oder ein Repeater hilft meist.</li>
</ol>
<h2>Mehrere Sensoren gleichzeitig</h2>
<p>Fallen mehrere Sensoren an einem Gateway gleichzeitig aus, liegt das Problem am Funk des Gateways: Prüfen Sie, ob beide Sensorantennen angeschraubt und unbeschädigt sind. Auch ein Firmware-Update des Gateways in den letzten Stunden kann eine Neuverbindung der Sensoren erfordern, die bis zu 30 Minuten dauert.</p>
<p>Hilft nichts, eröffnen Sie ein Ticket mit der Seriennummer des Sensors; mit gültigem Vertrag ersetzen wir defekte Sensoren innerhalb der Lieferzeiten aus <a href="/kb/articles/35">Lieferzeiten und Versandarten</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(25, 'en', 'Tuning alarm thresholds to avoid false alarms',
 'Derive thresholds from a baseline, use warning and alarm levels, add delays and operating-state conditions, and review alarms monthly.',
 '<p>Alarms that fire too often are ignored, and then the one that matters is missed. Good thresholds come from the machine’s own history, not from a general table.</p>
<h2>Start from a baseline</h2>
<p>After commissioning, every machine has a reference measurement at normal load. Set the <strong>warning</strong> level at about 1.5 times the baseline velocity and the <strong>alarm</strong> level at about 2.5 times. For machines classified under ISO 10816, do not exceed the zone boundaries of the standard.</p>
<h2>Three settings against false alarms</h2>
<ol>
<li><strong>Delay</strong>: raise an alarm only if the level is exceeded in three consecutive measurements. Single spikes during start-up disappear.</li>
<li><strong>Operating state</strong>: evaluate only while the machine runs above a minimum speed or load, using a process value from the controller (<a href="/kb/articles/21">OPC UA</a>).</li>
<li><strong>Hysteresis</strong>: clear an alarm only when the value falls 10 % below the threshold, to avoid alarms that toggle.</li>
</ol>
<h2>Who gets notified</h2>
<p>Notifications are set per site: warnings by e-mail to the maintenance team, alarms additionally by text message to the person on shift. Avoid sending alarms to people who cannot act on them.</p>
<h2>Review monthly</h2>
<p>Portico Monitor’s alarm report lists how often each rule fired and how often it was acknowledged as <em>not relevant</em>. Rules with many irrelevant alarms need a higher threshold or a condition; rules that never fired should be checked with a test value.</p>
<blockquote><p>Rule of thumb: fewer than two alarms per machine per month, each one worth a look.</p></blockquote>', '', UTC_TIMESTAMP(6)),
(25, 'de', 'Alarmschwellen richtig einstellen und Fehlalarme vermeiden',
 'Schwellen aus einer Basislinie ableiten, Warn- und Alarmstufe nutzen, Verzögerungen und Betriebszustände einbeziehen und Alarme monatlich prüfen.',
 '<p>Alarme, die zu oft auslösen, werden ignoriert – und dann wird der eine übersehen, auf den es ankommt. Gute Schwellen kommen aus der Historie der Maschine, nicht aus einer allgemeinen Tabelle.</p>
<h2>Von einer Basislinie ausgehen</h2>
<p>Nach der Inbetriebnahme hat jede Maschine eine Referenzmessung unter Normallast. Setzen Sie die <strong>Warnstufe</strong> bei etwa dem 1,5-Fachen der Schwinggeschwindigkeit der Basislinie und die <strong>Alarmstufe</strong> bei etwa dem 2,5-Fachen. Bei Maschinen, die nach ISO 10816 eingestuft sind, überschreiten Sie die Zonengrenzen der Norm nicht.</p>
<h2>Drei Einstellungen gegen Fehlalarme</h2>
<ol>
<li><strong>Verzögerung</strong>: Ein Alarm wird erst ausgelöst, wenn der Wert in drei aufeinanderfolgenden Messungen überschritten ist. Einzelne Spitzen beim Anfahren verschwinden.</li>
<li><strong>Betriebszustand</strong>: Nur auswerten, solange die Maschine über einer Mindestdrehzahl oder -last läuft, mit einem Prozesswert aus der Steuerung (<a href="/kb/articles/21">OPC UA</a>).</li>
<li><strong>Hysterese</strong>: Einen Alarm erst aufheben, wenn der Wert 10 % unter die Schwelle fällt, damit Alarme nicht flattern.</li>
</ol>
<h2>Wer benachrichtigt wird</h2>
<p>Benachrichtigungen werden je Standort eingestellt: Warnungen per E-Mail an das Instandhaltungsteam, Alarme zusätzlich per SMS an die Schichtverantwortlichen. Schicken Sie Alarme nicht an Personen, die nicht handeln können.</p>
<h2>Monatlich prüfen</h2>
<p>Der Alarmbericht in Portico Monitor zeigt, wie oft jede Regel ausgelöst hat und wie oft sie als <em>nicht relevant</em> quittiert wurde. Regeln mit vielen irrelevanten Alarmen brauchen eine höhere Schwelle oder eine Bedingung; Regeln, die nie ausgelöst haben, sollten mit einem Testwert geprüft werden.</p>
<blockquote><p>Faustregel: weniger als zwei Alarme pro Maschine und Monat, und jeder ist einen Blick wert.</p></blockquote>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(26, 'en', 'Restarting the gateway safely',
 'Restart remotely from Portico Monitor, locally from the web interface, or by power cycle as a last resort; and what a factory reset does.',
 '<p>A restart solves some problems but also hides their cause. Download the diagnostics file <strong>before</strong> you restart; it contains the logs that are lost afterwards.</p>
<h2>Three ways to restart</h2>
<ol>
<li><strong>Remotely</strong>: in Portico Monitor, open the gateway and choose <em>Actions, Restart</em>. Only possible while the gateway is online.</li>
<li><strong>Locally</strong>: connect a laptop to the LAN port, open <code>https://192.168.200.1</code>, sign in with the local administrator password and choose <em>System, Restart</em>.</li>
<li><strong>Power cycle</strong>: switch off the 24 V supply for ten seconds. Use this only when the gateway does not respond at all; in rare cases an interrupted write can damage the data buffer.</li>
</ol>
<p>The restart takes about 90 seconds. Buffered data is kept.</p>
<h2>Factory reset</h2>
<p>Holding the reset button for 15 seconds deletes all settings, pairings and buffered data and returns the gateway to delivery state. You then need the activation code from the quick start sheet, and all sensors must be paired again. Do this only when asked by our support team.</p>
<h2>Local administrator password</h2>
<p>The initial password is printed on the quick start sheet. If it was changed and forgotten, a factory reset is the only way back, so store it in your password manager.</p>
<h2>When restarts become routine</h2>
<p>If a gateway needs a restart more than once a month, something is wrong: an unstable power supply, overheating in the cabinet or a network device that drops long-lived connections. Open a ticket and attach the diagnostics file.</p>', '', UTC_TIMESTAMP(6)),
(26, 'de', 'Das Gateway sicher neu starten',
 'Neustart aus der Ferne über Portico Monitor, lokal über die Weboberfläche oder als letztes Mittel durch Aus- und Einschalten; und was ein Werksreset bewirkt.',
 '<p>Ein Neustart löst manche Probleme, verdeckt aber auch ihre Ursache. Laden Sie die Diagnosedatei <strong>vor</strong> dem Neustart herunter; sie enthält die Protokolle, die danach verloren sind.</p>
<h2>Drei Wege zum Neustart</h2>
<ol>
<li><strong>Aus der Ferne</strong>: Öffnen Sie in Portico Monitor das Gateway und wählen Sie <em>Aktionen, Neustart</em>. Nur möglich, solange das Gateway online ist.</li>
<li><strong>Lokal</strong>: Verbinden Sie einen Laptop mit dem LAN-Port, öffnen Sie <code>https://192.168.200.1</code>, melden Sie sich mit dem lokalen Administratorpasswort an und wählen Sie <em>System, Neustart</em>.</li>
<li><strong>Aus- und Einschalten</strong>: Schalten Sie die 24-V-Versorgung für zehn Sekunden ab. Nur verwenden, wenn das Gateway gar nicht reagiert; in seltenen Fällen kann ein unterbrochener Schreibvorgang den Datenpuffer beschädigen.</li>
</ol>
<p>Der Neustart dauert etwa 90 Sekunden. Gepufferte Daten bleiben erhalten.</p>
<h2>Werksreset</h2>
<p>Wird die Reset-Taste 15 Sekunden gedrückt, löscht das Gateway alle Einstellungen, Kopplungen und gepufferten Daten und kehrt in den Auslieferungszustand zurück. Danach brauchen Sie den Aktivierungscode aus der Kurzanleitung, und alle Sensoren müssen neu gekoppelt werden. Führen Sie den Reset nur auf Bitte unseres Supports durch.</p>
<h2>Lokales Administratorpasswort</h2>
<p>Das Anfangspasswort steht auf der Kurzanleitung. Wurde es geändert und vergessen, hilft nur ein Werksreset; bewahren Sie es deshalb in Ihrem Passwortmanager auf.</p>
<h2>Wenn Neustarts zur Routine werden</h2>
<p>Braucht ein Gateway öfter als einmal im Monat einen Neustart, stimmt etwas nicht: eine instabile Stromversorgung, Überhitzung im Schaltschrank oder ein Netzwerkgerät, das lange Verbindungen trennt. Eröffnen Sie ein Ticket und hängen Sie die Diagnosedatei an.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(27, 'en', 'Error E101: certificate expired or not trusted',
 'The gateway cannot verify the TLS connection to Portico Monitor. Usually caused by TLS inspection, a wrong clock or a device certificate that was not renewed.',
 '<p><strong>E101</strong> means the gateway could not establish a trusted TLS connection. It stops sending data (but keeps buffering) until the cause is fixed, because an untrusted connection could be intercepted.</p>
<h2>Causes, in order of frequency</h2>
<ol>
<li><strong>TLS inspection</strong> by a firewall or proxy replaces our certificate with its own. Exempt the gateway destinations as described in <a href="/kb/articles/20">Running the gateway behind a proxy server</a>.</li>
<li><strong>Wrong time</strong> on the gateway makes valid certificates look expired or not yet valid. The display then usually also shows <a href="/kb/articles/28">E204</a>.</li>
<li><strong>Expired device certificate</strong>. Each gateway has its own certificate, valid for three years and renewed automatically 60 days before expiry. A gateway that was switched off during that whole period cannot renew it.</li>
</ol>
<h2>What to do</h2>
<p>Open <em>Diagnostics, Certificates</em> in the local web interface. It shows the validity of the device certificate and the issuer of the certificate presented by the server.</p>
<table>
<thead><tr><th>Diagnostics show</th><th>Fix</th></tr></thead>
<tbody>
<tr><td>Server issuer is not <em>Portico Device CA</em></td><td>TLS inspection: ask your network team for an exemption.</td></tr>
<tr><td>Device certificate expired</td><td>Choose <em>Renew certificate</em>; the gateway requests a new one with its activation code.</td></tr>
<tr><td>Gateway time differs from real time</td><td>Fix the time first (E204), then restart.</td></tr>
</tbody>
</table>
<p>If renewal fails, open a ticket with the serial number; we can issue a certificate manually after checking the gateway belongs to your company.</p>', '', UTC_TIMESTAMP(6)),
(27, 'de', 'Fehler E101: Zertifikat abgelaufen oder nicht vertrauenswürdig',
 'Das Gateway kann die TLS-Verbindung zu Portico Monitor nicht prüfen. Ursache ist meist eine TLS-Prüfung, eine falsche Uhrzeit oder ein nicht erneuertes Gerätezertifikat.',
 '<p><strong>E101</strong> bedeutet, dass das Gateway keine vertrauenswürdige TLS-Verbindung aufbauen konnte. Es sendet keine Daten mehr (puffert aber weiter), bis die Ursache behoben ist, denn eine nicht vertrauenswürdige Verbindung könnte abgehört werden.</p>
<h2>Ursachen, nach Häufigkeit</h2>
<ol>
<li><strong>TLS-Prüfung</strong> durch eine Firewall oder einen Proxy ersetzt unser Zertifikat durch ein eigenes. Nehmen Sie die Gateway-Ziele aus, wie in <a href="/kb/articles/20">Das Gateway hinter einem Proxyserver betreiben</a> beschrieben.</li>
<li><strong>Falsche Uhrzeit</strong> am Gateway lässt gültige Zertifikate abgelaufen oder noch nicht gültig erscheinen. Das Display zeigt dann meist zusätzlich <a href="/kb/articles/28">E204</a>.</li>
<li><strong>Abgelaufenes Gerätezertifikat</strong>. Jedes Gateway hat ein eigenes Zertifikat, drei Jahre gültig und 60 Tage vor Ablauf automatisch erneuert. Ein Gateway, das in dieser ganzen Zeit ausgeschaltet war, kann es nicht erneuern.</li>
</ol>
<h2>Was zu tun ist</h2>
<p>Öffnen Sie in der lokalen Weboberfläche <em>Diagnose, Zertifikate</em>. Dort stehen die Gültigkeit des Gerätezertifikats und der Aussteller des Zertifikats, das der Server vorlegt.</p>
<table>
<thead><tr><th>Die Diagnose zeigt</th><th>Lösung</th></tr></thead>
<tbody>
<tr><td>Aussteller des Servers ist nicht <em>Portico Device CA</em></td><td>TLS-Prüfung: Bitten Sie Ihr Netzwerkteam um eine Ausnahme.</td></tr>
<tr><td>Gerätezertifikat abgelaufen</td><td>Wählen Sie <em>Zertifikat erneuern</em>; das Gateway fordert mit seinem Aktivierungscode ein neues an.</td></tr>
<tr><td>Uhrzeit des Gateways weicht ab</td><td>Zuerst die Uhrzeit korrigieren (E204), dann neu starten.</td></tr>
</tbody>
</table>
<p>Schlägt die Erneuerung fehl, eröffnen Sie ein Ticket mit der Seriennummer; wir stellen ein Zertifikat manuell aus, nachdem wir geprüft haben, dass das Gateway zu Ihrem Unternehmen gehört.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(28, 'en', 'Error E204: time not synchronised',
 'The gateway could not reach a time server for 24 hours. Allow NTP through the firewall or enter your own time server.',
 '<p>Measurements are only useful with correct time stamps, and TLS certificates are checked against the clock. The gateway therefore synchronises its clock with a time server over NTP and reports <strong>E204</strong> if it has not succeeded for 24 hours.</p>
<h2>Effects</h2>
<ul>
<li>The gateway keeps measuring and sending, but time stamps may drift by a few seconds per day.</li>
<li>If the clock drifts far enough, TLS connections fail and <a href="/kb/articles/27">E101</a> follows.</li>
</ul>
<h2>Fix</h2>
<ol>
<li>Check that UDP port 123 to the internet is allowed for the gateway, or that an internal time server exists.</li>
<li>In <em>Settings, Network, Time</em>, enter your internal NTP server, for example the domain controller. Up to three servers can be entered.</li>
<li>Choose <em>Synchronise now</em>. The display clears E204 within a minute.</li>
</ol>
<h2>No NTP at all?</h2>
<p>In isolated networks without any time server, the gateway can take its time from Portico Monitor over the existing encrypted connection. Enable <em>Time from cloud</em> in the same settings. The accuracy is about one second, which is enough for vibration trends but not for correlation with fast process events.</p>
<h2>Time zones</h2>
<p>The gateway always works in UTC. Times are converted to the site’s time zone only for display, so the change to summer time does not create gaps or duplicates in the data.</p>', '', UTC_TIMESTAMP(6)),
(28, 'de', 'Fehler E204: Uhrzeit nicht synchronisiert',
 'Das Gateway hat seit 24 Stunden keinen Zeitserver erreicht. NTP in der Firewall freigeben oder einen eigenen Zeitserver eintragen.',
 '<p>Messwerte sind nur mit korrekten Zeitstempeln nützlich, und TLS-Zertifikate werden gegen die Uhr geprüft. Das Gateway synchronisiert seine Uhr deshalb per NTP mit einem Zeitserver und meldet <strong>E204</strong>, wenn das seit 24 Stunden nicht gelungen ist.</p>
<h2>Auswirkungen</h2>
<ul>
<li>Das Gateway misst und sendet weiter, die Zeitstempel können aber um einige Sekunden pro Tag abweichen.</li>
<li>Weicht die Uhr weit genug ab, schlagen TLS-Verbindungen fehl, und es folgt <a href="/kb/articles/27">E101</a>.</li>
</ul>
<h2>Lösung</h2>
<ol>
<li>Prüfen Sie, ob UDP-Port 123 ins Internet für das Gateway freigegeben ist oder ob es einen internen Zeitserver gibt.</li>
<li>Tragen Sie unter <em>Einstellungen, Netzwerk, Zeit</em> Ihren internen NTP-Server ein, zum Beispiel den Domänencontroller. Bis zu drei Server sind möglich.</li>
<li>Wählen Sie <em>Jetzt synchronisieren</em>. Das Display löscht E204 innerhalb einer Minute.</li>
</ol>
<h2>Gar kein NTP?</h2>
<p>In abgeschotteten Netzen ohne Zeitserver kann das Gateway die Zeit über die bestehende verschlüsselte Verbindung von Portico Monitor übernehmen. Aktivieren Sie dazu <em>Zeit aus der Cloud</em> in denselben Einstellungen. Die Genauigkeit liegt bei etwa einer Sekunde – genug für Schwingungstrends, aber nicht für die Korrelation mit schnellen Prozessereignissen.</p>
<h2>Zeitzonen</h2>
<p>Das Gateway arbeitet immer in UTC. Erst für die Anzeige werden Zeiten in die Zeitzone des Standorts umgerechnet; die Umstellung auf Sommerzeit erzeugt daher weder Lücken noch Doppelungen in den Daten.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(29, 'en', 'Error E310: storage almost full',
 'The gateway’s data buffer is over 90 % full because it could not send for days. Restore the connection; the buffer empties by itself.',
 '<p>The PX-200 stores measurements in a buffer of 8 GB until Portico Monitor confirms receipt. <strong>E310</strong> appears when the buffer is more than 90 % full. At 100 % the oldest unsent measurements are overwritten.</p>
<h2>Why the buffer fills up</h2>
<ul>
<li>The gateway has been offline for several days; see <a href="/kb/articles/23">Gateway shows as offline</a>.</li>
<li>The connection is too slow for the amount of data, typically LTE with poor signal and many sensors in high-resolution mode.</li>
<li>Raw waveform recording was switched on for many sensors at once and left on.</li>
</ul>
<h2>What to do</h2>
<ol>
<li>Restore the connection. The gateway sends the backlog at up to 2 MB per second; 8 GB take about an hour on a good wired connection.</li>
<li>If the connection is slow by design, reduce the data: switch raw waveforms to <em>on alarm only</em>, and set the measurement interval of non-critical sensors to 30 minutes.</li>
<li>Watch the buffer level under <em>Gateways, Status</em>. E310 clears when the level falls below 80 %.</li>
</ol>
<h2>Do not reset</h2>
<p>A factory reset or reinstalling the firmware deletes the buffer and with it all unsent measurements. If you must replace the gateway, ask our support team first: the buffer can be copied to a USB stick and imported in Portico Monitor.</p>', '', UTC_TIMESTAMP(6)),
(29, 'de', 'Fehler E310: Speicher fast voll',
 'Der Datenpuffer des Gateways ist zu über 90 % gefüllt, weil es tagelang nicht senden konnte. Stellen Sie die Verbindung wieder her; der Puffer leert sich von selbst.',
 '<p>Das PX-200 speichert Messwerte in einem 8-GB-Puffer, bis Portico Monitor den Empfang bestätigt. <strong>E310</strong> erscheint, wenn der Puffer zu mehr als 90 % gefüllt ist. Bei 100 % werden die ältesten noch nicht gesendeten Messwerte überschrieben.</p>
<h2>Warum sich der Puffer füllt</h2>
<ul>
<li>Das Gateway war mehrere Tage offline; siehe <a href="/kb/articles/23">Gateway wird als offline angezeigt</a>.</li>
<li>Die Verbindung ist für die Datenmenge zu langsam, typischerweise LTE mit schwachem Signal und vielen Sensoren im hochauflösenden Modus.</li>
<li>Die Rohsignalaufzeichnung wurde für viele Sensoren gleichzeitig eingeschaltet und nicht wieder ausgeschaltet.</li>
</ul>
<h2>Was zu tun ist</h2>
<ol>
<li>Stellen Sie die Verbindung wieder her. Das Gateway sendet den Rückstand mit bis zu 2 MB pro Sekunde; 8 GB dauern bei guter Kabelverbindung etwa eine Stunde.</li>
<li>Ist die Verbindung bauartbedingt langsam, reduzieren Sie die Daten: Rohsignale auf <em>nur bei Alarm</em> stellen und das Messintervall unkritischer Sensoren auf 30 Minuten setzen.</li>
<li>Beobachten Sie den Füllstand unter <em>Gateways, Status</em>. E310 verschwindet, sobald er unter 80 % fällt.</li>
</ol>
<h2>Nicht zurücksetzen</h2>
<p>Ein Werksreset oder eine Neuinstallation der Firmware löscht den Puffer und damit alle noch nicht gesendeten Messwerte. Müssen Sie das Gateway tauschen, fragen Sie zuerst unseren Support: Der Puffer lässt sich auf einen USB-Stick kopieren und in Portico Monitor importieren.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(30, 'en', 'Recommended maintenance intervals',
 'How often to check, clean and replace gateways, sensors and accessories, and which tasks are included in your service contract.',
 '<p>Portico equipment needs little maintenance, but a few regular checks prevent most failures. The table shows our recommendations for normal industrial environments; in dusty, wet or hot areas, halve the intervals.</p>
<table>
<thead><tr><th>Component</th><th>Task</th><th>Interval</th><th>Included in</th></tr></thead>
<tbody>
<tr><td>PX-200 gateway</td><td>Visual check, antennas tight, cabinet filter clean</td><td>6 months</td><td>Customer</td></tr>
<tr><td>PX-200 gateway</td><td>Firmware up to date</td><td>automatic</td><td>All contracts</td></tr>
<tr><td>VS-3 sensor</td><td>Mounting tight, no corrosion, cable-free area</td><td>12 months</td><td>Plus, Premium</td></tr>
<tr><td>VS-3 sensor</td><td>Battery replacement</td><td>about 5 years or at 10 %</td><td>Premium</td></tr>
<tr><td>VS-3 sensor</td><td>Calibration check against reference</td><td>24 months</td><td>Premium</td></tr>
<tr><td>Power supply</td><td>Output voltage under load</td><td>24 months</td><td>Customer</td></tr>
</tbody>
</table>
<h2>Planning</h2>
<p>Portico Monitor shows upcoming tasks per site under <em>Maintenance</em>. Tasks included in your contract are scheduled by us; we propose a date two months in advance and confirm it in the portal. Tasks for the customer appear as reminders to the maintenance contacts of the site.</p>
<h2>After maintenance</h2>
<p>Record what was done in Portico Monitor. A maintenance record resets the interval and keeps the documentation that auditors and insurers ask for. For battery replacement see <em>Replacing the battery of a VS-3 sensor</em>, and for the yearly visit <em>Preparing for the annual on-site inspection</em>.</p>', '', UTC_TIMESTAMP(6)),
(30, 'de', 'Empfohlene Wartungsintervalle',
 'Wie oft Gateways, Sensoren und Zubehör geprüft, gereinigt und getauscht werden sollten und welche Arbeiten Ihr Servicevertrag abdeckt.',
 '<p>Portico-Geräte brauchen wenig Wartung, doch einige regelmäßige Prüfungen verhindern die meisten Ausfälle. Die Tabelle zeigt unsere Empfehlungen für normale Industrieumgebungen; in staubigen, nassen oder heißen Bereichen halbieren Sie die Intervalle.</p>
<table>
<thead><tr><th>Komponente</th><th>Arbeit</th><th>Intervall</th><th>Enthalten in</th></tr></thead>
<tbody>
<tr><td>PX-200-Gateway</td><td>Sichtprüfung, Antennen fest, Schaltschrankfilter sauber</td><td>6 Monate</td><td>Kunde</td></tr>
<tr><td>PX-200-Gateway</td><td>Firmware aktuell</td><td>automatisch</td><td>Alle Verträge</td></tr>
<tr><td>VS-3-Sensor</td><td>Befestigung fest, keine Korrosion, Umgebung frei</td><td>12 Monate</td><td>Plus, Premium</td></tr>
<tr><td>VS-3-Sensor</td><td>Batteriewechsel</td><td>etwa 5 Jahre oder bei 10 %</td><td>Premium</td></tr>
<tr><td>VS-3-Sensor</td><td>Kalibrierprüfung gegen Referenz</td><td>24 Monate</td><td>Premium</td></tr>
<tr><td>Netzteil</td><td>Ausgangsspannung unter Last</td><td>24 Monate</td><td>Kunde</td></tr>
</tbody>
</table>
<h2>Planung</h2>
<p>Portico Monitor zeigt anstehende Arbeiten je Standort unter <em>Wartung</em>. Vertraglich enthaltene Arbeiten planen wir; wir schlagen zwei Monate vorher einen Termin vor und bestätigen ihn im Portal. Arbeiten des Kunden erscheinen als Erinnerung bei den Wartungsansprechpartnern des Standorts.</p>
<h2>Nach der Wartung</h2>
<p>Dokumentieren Sie die Arbeiten in Portico Monitor. Ein Wartungseintrag setzt das Intervall zurück und bewahrt die Nachweise, die Prüfer und Versicherer verlangen. Zum Batteriewechsel siehe <em>Batterie eines VS-3-Sensors wechseln</em>, zum jährlichen Besuch <em>Die jährliche Vor-Ort-Inspektion vorbereiten</em>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(31, 'en', 'Replacing the battery of a VS-3 sensor',
 'Replace the lithium battery when Portico Monitor shows 10 % or less: what you need, the steps, and how to dispose of the old cell.',
 '<p>The VS-3 runs on a 3.6 V lithium thionyl chloride cell. At the default measurement interval of ten minutes it lasts about five years; high-resolution mode or raw waveforms shorten this considerably.</p>
<h2>What you need</h2>
<ul>
<li>Replacement battery kit <strong>VS3-BAT</strong> (battery, new O-ring, silicone grease); order it under <em>Orders, Spare parts</em>.</li>
<li>Torx screwdriver T10.</li>
<li>A clean, dry place; do not open the sensor in the rain or in a dusty area.</li>
</ul>
<h2>Steps</h2>
<ol>
<li>You do not need to unscrew the sensor from the machine. Remove the four T10 screws of the cover.</li>
<li>Lift the cover and pull the old battery out of its holder.</li>
<li>Replace the O-ring and grease it lightly. An old O-ring is the most common cause of moisture damage.</li>
<li>Insert the new battery, observing the polarity. The LED flashes green three times.</li>
<li>Close the cover and tighten the screws crosswise with 0.6 Nm.</li>
<li>In Portico Monitor, open the sensor and choose <em>Battery replaced</em>, so that the remaining capacity is counted from 100 % again.</li>
</ol>
<p>The sensor keeps its pairing and history; no new pairing is needed.</p>
<h2>Disposal</h2>
<p>Lithium cells must not go into household waste. Tape the terminals and return the old battery in the packaging of the new one; the return label is included in the kit.</p>
<blockquote><p>Safety: never charge, open, crush or heat the battery. A damaged cell can leak corrosive liquid.</p></blockquote>', '', UTC_TIMESTAMP(6)),
(31, 'de', 'Batterie eines VS-3-Sensors wechseln',
 'Die Lithiumbatterie tauschen, wenn Portico Monitor 10 % oder weniger anzeigt: was Sie brauchen, die Schritte und wie Sie die alte Zelle entsorgen.',
 '<p>Der VS-3 wird von einer 3,6-V-Lithium-Thionylchlorid-Zelle versorgt. Beim Standardmessintervall von zehn Minuten hält sie etwa fünf Jahre; hochauflösender Modus oder Rohsignale verkürzen das deutlich.</p>
<h2>Was Sie brauchen</h2>
<ul>
<li>Batterie-Set <strong>VS3-BAT</strong> (Batterie, neuer O-Ring, Silikonfett); bestellen Sie es unter <em>Bestellungen, Ersatzteile</em>.</li>
<li>Torx-Schraubendreher T10.</li>
<li>Einen sauberen, trockenen Platz; öffnen Sie den Sensor nicht im Regen oder in staubiger Umgebung.</li>
</ul>
<h2>Schritte</h2>
<ol>
<li>Der Sensor muss nicht von der Maschine abgeschraubt werden. Lösen Sie die vier T10-Schrauben des Deckels.</li>
<li>Heben Sie den Deckel ab und ziehen Sie die alte Batterie aus der Halterung.</li>
<li>Tauschen Sie den O-Ring und fetten Sie ihn leicht ein. Ein alter O-Ring ist die häufigste Ursache für Feuchtigkeitsschäden.</li>
<li>Setzen Sie die neue Batterie polrichtig ein. Die LED blinkt dreimal grün.</li>
<li>Schließen Sie den Deckel und ziehen Sie die Schrauben über Kreuz mit 0,6 Nm an.</li>
<li>Öffnen Sie den Sensor in Portico Monitor und wählen Sie <em>Batterie getauscht</em>, damit die Restkapazität wieder ab 100 % gezählt wird.</li>
</ol>
<p>Der Sensor behält Kopplung und Verlauf; eine neue Kopplung ist nicht nötig.</p>
<h2>Entsorgung</h2>
<p>Lithiumzellen gehören nicht in den Hausmüll. Kleben Sie die Pole ab und senden Sie die alte Batterie in der Verpackung der neuen zurück; das Rücksendeetikett liegt dem Set bei.</p>
<blockquote><p>Sicherheit: Die Batterie niemals laden, öffnen, quetschen oder erhitzen. Eine beschädigte Zelle kann ätzende Flüssigkeit verlieren.</p></blockquote>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(32, 'en', 'Preparing for the annual on-site inspection',
 'Plus and Premium contracts include a yearly visit by a Portico engineer. Prepare access, machine availability and open questions to get the most out of it.',
 '<p>During the annual inspection a Portico engineer checks every gateway and sensor at your site, updates the documentation and discusses the year’s alarms with your maintenance team. A well-prepared visit takes half a day for a typical site with 40 sensors.</p>
<h2>Four weeks before</h2>
<ul>
<li>Confirm the date proposed in the portal or suggest another one.</li>
<li>Arrange site access: visitor registration, safety briefing, and permits for work at height if sensors are mounted above two metres.</li>
<li>Check which machines will be running on that day. Reference measurements need the machine at normal load.</li>
</ul>
<h2>One week before</h2>
<ul>
<li>Collect questions from the maintenance team and note machines that were modified, moved or repaired during the year.</li>
<li>Order spare parts you want the engineer to install, such as battery kits, so they arrive in time.</li>
</ul>
<h2>During the visit</h2>
<ol>
<li>Walk-through of all measuring points with a check of mounting, cabling and labels.</li>
<li>New reference measurements for machines that were modified.</li>
<li>Review of alarm rules together with your team; see <a href="/kb/articles/25">Tuning alarm thresholds</a>.</li>
<li>Short refresher for new colleagues on Portico Monitor.</li>
</ol>
<h2>Afterwards</h2>
<p>The inspection report appears in the portal under <em>Documents</em> within five working days. Findings that need action are created as tickets, so you can follow them like any other request.</p>', '', UTC_TIMESTAMP(6)),
(32, 'de', 'Die jährliche Vor-Ort-Inspektion vorbereiten',
 'Plus- und Premium-Verträge enthalten einen jährlichen Besuch durch einen Portico-Techniker. Bereiten Sie Zugang, Maschinenverfügbarkeit und offene Fragen vor, um das Beste daraus zu machen.',
 '<p>Bei der jährlichen Inspektion prüft ein Portico-Techniker jedes Gateway und jeden Sensor an Ihrem Standort, aktualisiert die Dokumentation und bespricht die Alarme des Jahres mit Ihrem Instandhaltungsteam. Ein gut vorbereiteter Besuch dauert bei einem typischen Standort mit 40 Sensoren einen halben Tag.</p>
<h2>Vier Wochen vorher</h2>
<ul>
<li>Bestätigen Sie den im Portal vorgeschlagenen Termin oder schlagen Sie einen anderen vor.</li>
<li>Organisieren Sie den Zugang: Besucheranmeldung, Sicherheitsunterweisung und Genehmigungen für Arbeiten in der Höhe, falls Sensoren über zwei Metern montiert sind.</li>
<li>Klären Sie, welche Maschinen an dem Tag laufen. Referenzmessungen brauchen die Maschine unter Normallast.</li>
</ul>
<h2>Eine Woche vorher</h2>
<ul>
<li>Sammeln Sie Fragen des Instandhaltungsteams und notieren Sie Maschinen, die im Lauf des Jahres umgebaut, versetzt oder repariert wurden.</li>
<li>Bestellen Sie Ersatzteile, die der Techniker einbauen soll, etwa Batterie-Sets, damit sie rechtzeitig ankommen.</li>
</ul>
<h2>Während des Besuchs</h2>
<ol>
<li>Rundgang über alle Messstellen mit Prüfung von Befestigung, Verkabelung und Beschriftung.</li>
<li>Neue Referenzmessungen für umgebaute Maschinen.</li>
<li>Überprüfung der Alarmregeln gemeinsam mit Ihrem Team; siehe <a href="/kb/articles/25">Alarmschwellen richtig einstellen</a>.</li>
<li>Kurze Auffrischung zu Portico Monitor für neue Kolleginnen und Kollegen.</li>
</ol>
<h2>Danach</h2>
<p>Der Inspektionsbericht erscheint innerhalb von fünf Arbeitstagen im Portal unter <em>Dokumente</em>. Befunde mit Handlungsbedarf werden als Tickets angelegt, sodass Sie sie wie jede andere Anfrage verfolgen können.</p>', '', UTC_TIMESTAMP(6));
