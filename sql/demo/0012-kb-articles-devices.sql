-- Knowledge base demo data, part 3: articles 14-22, "Devices & installation"
-- and "Gateways & connectivity".  Same shape as 0011.

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (14, 3,  'px-200-unboxing-and-mounting',   'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 358 DAY, UTC_TIMESTAMP(6) - INTERVAL 52 DAY,  UTC_TIMESTAMP(6) - INTERVAL 358 DAY, 2980, 112, 8),
  (15, 3,  'px-200-network-requirements',    'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 357 DAY, UTC_TIMESTAMP(6) - INTERVAL 18 DAY,  UTC_TIMESTAMP(6) - INTERVAL 357 DAY, 3410, 131, 12),
  (16, 3,  'vs-3-sensor-mounting',           'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 352 DAY, UTC_TIMESTAMP(6) - INTERVAL 101 DAY, UTC_TIMESTAMP(6) - INTERVAL 352 DAY, 2155, 88, 5),
  (17, 3,  'commissioning-checklist',        'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 345 DAY, UTC_TIMESTAMP(6) - INTERVAL 60 DAY,  UTC_TIMESTAMP(6) - INTERVAL 345 DAY, 1270, 49, 2),
  (18, 3,  'px-200-firmware-update',         'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 320 DAY, UTC_TIMESTAMP(6) - INTERVAL 6 DAY,   UTC_TIMESTAMP(6) - INTERVAL 320 DAY, 2620, 93, 14),
  (19, 10, 'px-200-lte-fallback',            'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 280 DAY, UTC_TIMESTAMP(6) - INTERVAL 44 DAY,  UTC_TIMESTAMP(6) - INTERVAL 280 DAY, 815,  31, 4),
  (20, 10, 'gateway-behind-a-proxy',         'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 275 DAY, UTC_TIMESTAMP(6) - INTERVAL 110 DAY, UTC_TIMESTAMP(6) - INTERVAL 275 DAY, 1046, 40, 6),
  (21, 10, 'connecting-a-plc-via-opc-ua',    'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 240 DAY, UTC_TIMESTAMP(6) - INTERVAL 27 DAY,  UTC_TIMESTAMP(6) - INTERVAL 240 DAY, 1333, 52, 7),
  (22, 10, 'reading-modbus-tcp-registers',   'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 230 DAY, UTC_TIMESTAMP(6) - INTERVAL 80 DAY,  UTC_TIMESTAMP(6) - INTERVAL 230 DAY, 701,  25, 3);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(14, 'en', 'PX-200 edge gateway: what’s in the box and how to mount it',
 'Check the delivery, choose a good place in the cabinet, mount the gateway on the DIN rail and connect power and antennas.',
 '<p>The PX-200 collects data from up to 64 VS-3 sensors and from machine controllers and sends it encrypted to Portico Monitor. Mount it in a control cabinet close to the machines it monitors.</p>
<h2>What’s in the box</h2>
<ul>
<li>PX-200 gateway with DIN rail clip</li>
<li>Pluggable 24 V DC terminal block</li>
<li>Two antennas for the 2.4 GHz sensor radio</li>
<li>One LTE antenna (only for the LTE variant PX-200-L)</li>
<li>Quick start sheet with the serial number and the activation code</li>
</ul>
<p>Keep the quick start sheet: the activation code is needed to link the gateway to your company in Portico Monitor.</p>
<h2>Choosing the place</h2>
<ul>
<li>Ambient temperature between −20 °C and +60 °C, no condensation.</li>
<li>Sensor antennas outside a closed steel cabinet, or use the optional antenna extension cable (up to 5 m).</li>
<li>Keep at least 20 cm distance from frequency inverters and power contactors.</li>
</ul>
<h2>Mounting</h2>
<ol>
<li>Hook the gateway onto the 35 mm DIN rail at the top, then press the bottom until the clip snaps in.</li>
<li>Connect 24 V DC (18–30 V, at least 1 A) to the terminal block; observe the polarity marked on the housing.</li>
<li>Screw on the antennas hand-tight.</li>
<li>Connect the Ethernet port <strong>WAN</strong> to your network. The port <strong>LAN</strong> is for machine controllers.</li>
</ol>
<p>After about 90 seconds the status LED turns green when the gateway reaches Portico Monitor. If it stays orange, check the <a href="/kb/articles/15">network requirements</a>.</p>', '', UTC_TIMESTAMP(6)),
(14, 'de', 'PX-200-Edge-Gateway: Lieferumfang und Montage',
 'Lieferung prüfen, einen guten Platz im Schaltschrank wählen, das Gateway auf die Hutschiene setzen und Strom sowie Antennen anschließen.',
 '<p>Das PX-200 sammelt Daten von bis zu 64 VS-3-Sensoren und von Maschinensteuerungen und sendet sie verschlüsselt an Portico Monitor. Montieren Sie es in einem Schaltschrank nahe den überwachten Maschinen.</p>
<h2>Lieferumfang</h2>
<ul>
<li>PX-200-Gateway mit Hutschienenclip</li>
<li>Steckbare 24-V-DC-Klemmleiste</li>
<li>Zwei Antennen für den 2,4-GHz-Sensorfunk</li>
<li>Eine LTE-Antenne (nur bei der LTE-Variante PX-200-L)</li>
<li>Kurzanleitung mit Seriennummer und Aktivierungscode</li>
</ul>
<p>Bewahren Sie die Kurzanleitung auf: Mit dem Aktivierungscode verknüpfen Sie das Gateway in Portico Monitor mit Ihrem Unternehmen.</p>
<h2>Den Einbauort wählen</h2>
<ul>
<li>Umgebungstemperatur zwischen −20 °C und +60 °C, keine Betauung.</li>
<li>Sensorantennen außerhalb eines geschlossenen Stahlschranks oder mit dem optionalen Antennenverlängerungskabel (bis 5 m).</li>
<li>Mindestens 20 cm Abstand zu Frequenzumrichtern und Leistungsschützen.</li>
</ul>
<h2>Montage</h2>
<ol>
<li>Das Gateway oben in die 35-mm-Hutschiene einhängen und unten andrücken, bis der Clip einrastet.</li>
<li>24 V DC (18–30 V, mindestens 1 A) an die Klemmleiste anschließen; die Polarität ist auf dem Gehäuse markiert.</li>
<li>Die Antennen handfest anschrauben.</li>
<li>Den Ethernet-Port <strong>WAN</strong> mit Ihrem Netzwerk verbinden. Der Port <strong>LAN</strong> ist für Maschinensteuerungen vorgesehen.</li>
</ol>
<p>Nach etwa 90 Sekunden leuchtet die Status-LED grün, sobald das Gateway Portico Monitor erreicht. Bleibt sie orange, prüfen Sie die <a href="/kb/articles/15">Netzwerkanforderungen</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(15, 'en', 'Network requirements for the PX-200 gateway',
 'The outgoing connections the gateway needs, DHCP or a fixed address, and how to test the connection from the gateway itself.',
 '<p>The PX-200 only opens <strong>outgoing</strong> connections. No port on your firewall has to be opened towards the gateway, and no inbound access from the internet is needed.</p>
<h2>Outgoing connections</h2>
<table>
<thead><tr><th>Purpose</th><th>Protocol and port</th><th>Destination</th></tr></thead>
<tbody>
<tr><td>Measurement data and commands</td><td>MQTT over TLS, TCP 8883</td><td>ingest.portico-monitor.example</td></tr>
<tr><td>Firmware updates</td><td>HTTPS, TCP 443</td><td>updates.portico-monitor.example</td></tr>
<tr><td>Time synchronisation</td><td>NTP, UDP 123</td><td>pool.ntp.org or your own NTP server</td></tr>
<tr><td>Name resolution</td><td>DNS, UDP and TCP 53</td><td>your DNS server</td></tr>
</tbody>
</table>
<p>If your firewall cannot allow TCP 8883, the gateway can send MQTT over WebSockets on TCP 443 instead; switch it under <em>Settings, Network, Transport</em>.</p>
<h2>IP address</h2>
<p>By default the WAN port uses DHCP. For a fixed address, connect a laptop to the LAN port, open the local web interface at <code>https://192.168.200.1</code> and enter address, netmask, gateway and DNS server under <em>Settings, Network</em>.</p>
<h2>Bandwidth</h2>
<p>A gateway with 20 sensors sends about 150 MB per month. Firmware updates add up to 60 MB each, usually twice a year.</p>
<h2>Testing the connection</h2>
<p>In the local web interface, <em>Diagnostics, Connectivity</em> tests each destination and shows the result. A failed TLS test with a successful TCP test usually means a proxy or firewall inspects TLS traffic; see <em>Running the gateway behind a proxy server</em>. A failed time test leads to error E204.</p>', '', UTC_TIMESTAMP(6)),
(15, 'de', 'Netzwerkanforderungen für das PX-200-Gateway',
 'Welche ausgehenden Verbindungen das Gateway braucht, DHCP oder feste Adresse und wie Sie die Verbindung am Gateway selbst testen.',
 '<p>Das PX-200 baut nur <strong>ausgehende</strong> Verbindungen auf. In Ihrer Firewall muss kein Port zum Gateway geöffnet werden, und es ist kein eingehender Zugriff aus dem Internet nötig.</p>
<h2>Ausgehende Verbindungen</h2>
<table>
<thead><tr><th>Zweck</th><th>Protokoll und Port</th><th>Ziel</th></tr></thead>
<tbody>
<tr><td>Messdaten und Befehle</td><td>MQTT über TLS, TCP 8883</td><td>ingest.portico-monitor.example</td></tr>
<tr><td>Firmware-Updates</td><td>HTTPS, TCP 443</td><td>updates.portico-monitor.example</td></tr>
<tr><td>Zeitsynchronisation</td><td>NTP, UDP 123</td><td>pool.ntp.org oder Ihr eigener NTP-Server</td></tr>
<tr><td>Namensauflösung</td><td>DNS, UDP und TCP 53</td><td>Ihr DNS-Server</td></tr>
</tbody>
</table>
<p>Erlaubt Ihre Firewall TCP 8883 nicht, kann das Gateway MQTT stattdessen über WebSockets auf TCP 443 senden; die Umstellung erfolgt unter <em>Einstellungen, Netzwerk, Transport</em>.</p>
<h2>IP-Adresse</h2>
<p>Standardmäßig bezieht der WAN-Port seine Adresse per DHCP. Für eine feste Adresse verbinden Sie einen Laptop mit dem LAN-Port, öffnen die lokale Weboberfläche unter <code>https://192.168.200.1</code> und tragen unter <em>Einstellungen, Netzwerk</em> Adresse, Netzmaske, Gateway und DNS-Server ein.</p>
<h2>Bandbreite</h2>
<p>Ein Gateway mit 20 Sensoren sendet etwa 150 MB pro Monat. Firmware-Updates kommen mit bis zu 60 MB hinzu, meist zweimal im Jahr.</p>
<h2>Verbindung testen</h2>
<p>In der lokalen Weboberfläche prüft <em>Diagnose, Konnektivität</em> jedes Ziel und zeigt das Ergebnis. Schlägt der TLS-Test fehl, während der TCP-Test gelingt, prüft meist ein Proxy oder eine Firewall den TLS-Verkehr; siehe <em>Das Gateway hinter einem Proxyserver betreiben</em>. Ein fehlgeschlagener Zeittest führt zu Fehler E204.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(16, 'en', 'Mounting VS-3 vibration sensors correctly',
 'Where to place a VS-3 on the machine, how to mount it with a stud or magnet, and how to pair it with the gateway.',
 '<p>The quality of vibration data depends more on mounting than on anything else. A sensor on a thin cover plate measures the cover, not the bearing.</p>
<h2>Where to place the sensor</h2>
<ul>
<li>As close as possible to the bearing, on a solid part of the housing.</li>
<li>In the load zone of the bearing, usually radially at the bottom or side.</li>
<li>Not on fan covers, guards, sheet metal or painted surfaces thicker than 0.5 mm.</li>
<li>One sensor per bearing for critical machines; one per machine is enough for simple pumps and fans.</li>
</ul>
<h2>Mounting methods</h2>
<table>
<thead><tr><th>Method</th><th>Frequency range</th><th>When to use</th></tr></thead>
<tbody>
<tr><td>Threaded stud M8 (recommended)</td><td>up to 10 kHz</td><td>Permanent installation; drill and tap a flat spot.</td></tr>
<tr><td>Adhesive mounting pad</td><td>up to 7 kHz</td><td>When drilling is not allowed; use the two-part epoxy from the kit.</td></tr>
<tr><td>Magnet</td><td>up to 2 kHz</td><td>Temporary measurements and trials only.</td></tr>
</tbody>
</table>
<p>Tighten the stud with 8 Nm. Too much torque damages the sensor’s thread; too little lets it resonate.</p>
<h2>Pairing with the gateway</h2>
<ol>
<li>In Portico Monitor, open the gateway and choose <strong>Add sensor</strong>.</li>
<li>Hold a magnet against the marked spot on the sensor for three seconds until the LED flashes blue.</li>
<li>Select the sensor in the list, give it a name such as <em>Pump 3 drive end</em>, and assign it to a machine.</li>
</ol>
<p>The first measurements appear within ten minutes. The battery lasts about five years at the default interval; see <em>Replacing the battery of a VS-3 sensor</em>.</p>', '', UTC_TIMESTAMP(6)),
(16, 'de', 'VS-3-Schwingungssensoren richtig montieren',
 'Wo ein VS-3 an der Maschine sitzen sollte, wie er mit Gewindebolzen oder Magnet befestigt wird und wie Sie ihn mit dem Gateway koppeln.',
 '<p>Die Qualität der Schwingungsdaten hängt mehr von der Montage ab als von allem anderen. Ein Sensor auf einem dünnen Abdeckblech misst das Blech, nicht das Lager.</p>
<h2>Wo der Sensor sitzen sollte</h2>
<ul>
<li>So nah wie möglich am Lager, auf einem massiven Teil des Gehäuses.</li>
<li>In der Lastzone des Lagers, meist radial unten oder seitlich.</li>
<li>Nicht auf Lüfterhauben, Schutzgittern, Blechen oder Lackschichten über 0,5 mm.</li>
<li>Ein Sensor je Lager bei kritischen Maschinen; bei einfachen Pumpen und Lüftern genügt einer je Maschine.</li>
</ul>
<h2>Befestigungsarten</h2>
<table>
<thead><tr><th>Methode</th><th>Frequenzbereich</th><th>Einsatz</th></tr></thead>
<tbody>
<tr><td>Gewindebolzen M8 (empfohlen)</td><td>bis 10 kHz</td><td>Feste Installation; eine ebene Stelle bohren und Gewinde schneiden.</td></tr>
<tr><td>Klebepad</td><td>bis 7 kHz</td><td>Wenn nicht gebohrt werden darf; den Zweikomponentenkleber aus dem Set verwenden.</td></tr>
<tr><td>Magnet</td><td>bis 2 kHz</td><td>Nur für vorübergehende Messungen und Versuche.</td></tr>
</tbody>
</table>
<p>Ziehen Sie den Bolzen mit 8 Nm an. Zu viel Drehmoment beschädigt das Gewinde des Sensors, zu wenig lässt ihn mitschwingen.</p>
<h2>Mit dem Gateway koppeln</h2>
<ol>
<li>Öffnen Sie in Portico Monitor das Gateway und wählen Sie <strong>Sensor hinzufügen</strong>.</li>
<li>Halten Sie einen Magneten drei Sekunden an die markierte Stelle des Sensors, bis die LED blau blinkt.</li>
<li>Wählen Sie den Sensor in der Liste, geben Sie ihm einen Namen wie <em>Pumpe 3 Antriebsseite</em> und ordnen Sie ihn einer Maschine zu.</li>
</ol>
<p>Die ersten Messwerte erscheinen innerhalb von zehn Minuten. Die Batterie hält beim Standardintervall etwa fünf Jahre; siehe <em>Batterie eines VS-3-Sensors wechseln</em>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(17, 'en', 'Commissioning checklist for a new installation',
 'The checks our engineers run before handing over a new site, so you can prepare the site and verify the result yourself.',
 '<p>Commissioning is finished when data from every sensor arrives in Portico Monitor, alarms reach the right people and your team knows how to use the system. Use this list to prepare the site visit and to sign off the handover.</p>
<h2>Before the visit</h2>
<ul>
<li>Firewall rules for the gateway are in place (<a href="/kb/articles/15">network requirements</a>).</li>
<li>A 24 V supply and a free DIN rail slot are available in the cabinet.</li>
<li>The list of machines and measuring points is agreed, with a photo of each point.</li>
<li>Someone with authority to switch machines off is present during mounting.</li>
</ul>
<h2>During commissioning</h2>
<ol>
<li>Gateway mounted, status LED green, firmware at the current version.</li>
<li>All sensors paired and named after the agreed scheme <em>machine, position, direction</em>.</li>
<li>Signal quality of each sensor at least <strong>−80 dBm</strong>; weaker sensors get an antenna extension or a repeater.</li>
<li>A reference measurement of every machine at normal load is saved as the baseline.</li>
<li>Alarm thresholds set from the baseline; notification recipients entered per site.</li>
<li>Test alarm sent and confirmed by at least one recipient.</li>
</ol>
<h2>Handover</h2>
<p>The engineer walks your team through the dashboards and the alarm workflow and leaves a commissioning report in the portal under <em>Documents</em>. Check the report: it lists every sensor with its serial number and position. Sign it off in the portal within two weeks; open items are tracked as tickets.</p>', '', UTC_TIMESTAMP(6)),
(17, 'de', 'Checkliste für die Inbetriebnahme einer neuen Anlage',
 'Die Prüfungen, die unsere Techniker vor der Übergabe eines neuen Standorts durchführen – damit Sie den Standort vorbereiten und das Ergebnis selbst prüfen können.',
 '<p>Die Inbetriebnahme ist abgeschlossen, wenn Daten von jedem Sensor in Portico Monitor ankommen, Alarme die richtigen Personen erreichen und Ihr Team das System bedienen kann. Nutzen Sie diese Liste, um den Termin vorzubereiten und die Übergabe abzunehmen.</p>
<h2>Vor dem Termin</h2>
<ul>
<li>Die Firewall-Regeln für das Gateway sind eingerichtet (<a href="/kb/articles/15">Netzwerkanforderungen</a>).</li>
<li>Im Schaltschrank stehen eine 24-V-Versorgung und ein freier Platz auf der Hutschiene bereit.</li>
<li>Die Liste der Maschinen und Messstellen ist abgestimmt, mit einem Foto jeder Messstelle.</li>
<li>Während der Montage ist jemand anwesend, der Maschinen abschalten darf.</li>
</ul>
<h2>Während der Inbetriebnahme</h2>
<ol>
<li>Gateway montiert, Status-LED grün, Firmware auf aktuellem Stand.</li>
<li>Alle Sensoren gekoppelt und nach dem vereinbarten Schema <em>Maschine, Position, Richtung</em> benannt.</li>
<li>Signalqualität jedes Sensors mindestens <strong>−80 dBm</strong>; schwächere Sensoren erhalten eine Antennenverlängerung oder einen Repeater.</li>
<li>Eine Referenzmessung jeder Maschine unter Normallast ist als Basislinie gespeichert.</li>
<li>Alarmschwellen aus der Basislinie abgeleitet; Empfänger der Benachrichtigungen je Standort eingetragen.</li>
<li>Testalarm verschickt und von mindestens einer Person bestätigt.</li>
</ol>
<h2>Übergabe</h2>
<p>Der Techniker erklärt Ihrem Team die Dashboards und den Alarmablauf und hinterlegt ein Inbetriebnahmeprotokoll im Portal unter <em>Dokumente</em>. Prüfen Sie das Protokoll: Es listet jeden Sensor mit Seriennummer und Position. Nehmen Sie es innerhalb von zwei Wochen im Portal ab; offene Punkte werden als Tickets verfolgt.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(18, 'en', 'Updating the PX-200 firmware',
 'Firmware updates are installed automatically in a maintenance window you choose; this is how to plan, trigger and verify them.',
 '<p>New firmware for the PX-200 brings security fixes and support for new sensors. We publish two feature releases a year and security releases as needed. Release notes are in Portico Monitor under <em>Gateways, Firmware</em>.</p>
<h2>Automatic updates</h2>
<p>By default each gateway installs new firmware in the <strong>maintenance window</strong> of its site, Sunday 02:00 to 04:00 local time. Change the window per site under <em>Sites, Settings</em>. During the update, which takes about four minutes, the gateway buffers sensor data and sends it afterwards; no measurements are lost.</p>
<h2>Updating manually</h2>
<ol>
<li>Open the gateway in Portico Monitor and choose <strong>Firmware</strong>.</li>
<li>Select the version and choose <strong>Install now</strong>.</li>
<li>Watch the status: <em>downloading</em>, <em>installing</em>, <em>restarting</em>, <em>online</em>.</li>
</ol>
<h2>Offline update with a USB stick</h2>
<p>For gateways without internet access, download the image from the portal under <em>Downloads</em>, copy it to a FAT32-formatted stick and plug it into the gateway. The LED flashes white during the update. Only signed images are accepted; a modified image is rejected with <strong>E402</strong>.</p>
<pre><code>Checksum of the image (shown on the download page):
sha256sum px200-fw-4.6.2.img</code></pre>
<h2>If an update fails</h2>
<p>The gateway keeps the previous firmware in a second partition and returns to it automatically when the new one does not start. Nothing needs to be done on site; the failure is reported to us and we contact you. If the status shows <em>failed</em> twice in a row, open a ticket with the serial number.</p>', '', UTC_TIMESTAMP(6)),
(18, 'de', 'Firmware des PX-200 aktualisieren',
 'Firmware-Updates werden automatisch in einem von Ihnen gewählten Wartungsfenster installiert; so planen, starten und prüfen Sie sie.',
 '<p>Neue Firmware für das PX-200 bringt Sicherheitskorrekturen und Unterstützung für neue Sensoren. Wir veröffentlichen zwei Funktionsreleases pro Jahr und Sicherheitsreleases bei Bedarf. Die Versionshinweise stehen in Portico Monitor unter <em>Gateways, Firmware</em>.</p>
<h2>Automatische Updates</h2>
<p>Standardmäßig installiert jedes Gateway neue Firmware im <strong>Wartungsfenster</strong> seines Standorts, sonntags von 02:00 bis 04:00 Uhr Ortszeit. Das Fenster ändern Sie je Standort unter <em>Standorte, Einstellungen</em>. Während des Updates, das etwa vier Minuten dauert, puffert das Gateway die Sensordaten und sendet sie danach; es gehen keine Messwerte verloren.</p>
<h2>Manuell aktualisieren</h2>
<ol>
<li>Öffnen Sie das Gateway in Portico Monitor und wählen Sie <strong>Firmware</strong>.</li>
<li>Wählen Sie die Version und dann <strong>Jetzt installieren</strong>.</li>
<li>Verfolgen Sie den Status: <em>Download</em>, <em>Installation</em>, <em>Neustart</em>, <em>online</em>.</li>
</ol>
<h2>Offline-Update per USB-Stick</h2>
<p>Für Gateways ohne Internetzugang laden Sie das Image im Portal unter <em>Downloads</em> herunter, kopieren es auf einen FAT32-formatierten Stick und stecken ihn in das Gateway. Die LED blinkt während des Updates weiß. Nur signierte Images werden angenommen; ein verändertes Image wird mit <strong>E402</strong> abgelehnt.</p>
<pre><code>Prüfsumme des Images (steht auf der Download-Seite):
sha256sum px200-fw-4.6.2.img</code></pre>
<h2>Wenn ein Update fehlschlägt</h2>
<p>Das Gateway behält die vorherige Firmware in einer zweiten Partition und kehrt automatisch zu ihr zurück, wenn die neue nicht startet. Vor Ort ist nichts zu tun; der Fehler wird uns gemeldet und wir melden uns bei Ihnen. Zeigt der Status zweimal hintereinander <em>fehlgeschlagen</em>, eröffnen Sie ein Ticket mit der Seriennummer.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(19, 'en', 'Setting up LTE fallback on the PX-200-L',
 'The LTE variant of the gateway switches to mobile data when the wired connection fails; insert the SIM, set the APN and test the switch-over.',
 '<p>The PX-200-L has a built-in LTE modem. It can use mobile data as its only connection or as a <strong>fallback</strong> when the wired WAN connection fails. Fallback is the most common setup: monitoring continues even when the plant network is down for maintenance.</p>
<h2>SIM card</h2>
<ul>
<li>Use a data SIM in the nano format with at least 500 MB per month.</li>
<li>Disable the SIM PIN on a phone before inserting the card, or enter the PIN in the gateway settings.</li>
<li>Portico can supply a managed SIM that works in all EU countries; order it like a spare part.</li>
</ul>
<h2>Configuration</h2>
<ol>
<li>Switch off the gateway, insert the SIM into the slot on the front, and connect the LTE antenna.</li>
<li>Switch on and open <em>Settings, Network, Mobile</em> in Portico Monitor or the local web interface.</li>
<li>Enter the APN of your provider; for the Portico SIM it is filled in automatically.</li>
<li>Set the mode to <strong>Fallback</strong> and save.</li>
</ol>
<h2>Testing the switch-over</h2>
<p>Unplug the WAN cable. Within 60 seconds the status LED changes from green to cyan, and Portico Monitor shows the connection type <em>LTE</em>. Plug the cable back in: after five minutes of stable wired connection the gateway switches back, to save mobile data.</p>
<h2>Signal strength</h2>
<p>The signal is shown as RSRP under <em>Diagnostics, Mobile</em>. Values above −100 dBm are good; below −110 dBm, mount the antenna outside the cabinet with the extension cable.</p>', '', UTC_TIMESTAMP(6)),
(19, 'de', 'LTE-Ausweichverbindung am PX-200-L einrichten',
 'Die LTE-Variante des Gateways wechselt auf Mobilfunk, wenn die kabelgebundene Verbindung ausfällt; SIM einsetzen, APN eintragen und Umschaltung testen.',
 '<p>Das PX-200-L hat ein eingebautes LTE-Modem. Es kann Mobilfunk als einzige Verbindung nutzen oder als <strong>Ausweichverbindung</strong>, wenn die kabelgebundene WAN-Verbindung ausfällt. Die Ausweichverbindung ist die häufigste Einrichtung: Die Überwachung läuft weiter, auch wenn das Werksnetz wegen Wartung nicht verfügbar ist.</p>
<h2>SIM-Karte</h2>
<ul>
<li>Verwenden Sie eine Daten-SIM im Nano-Format mit mindestens 500 MB pro Monat.</li>
<li>Deaktivieren Sie die SIM-PIN vor dem Einsetzen mit einem Handy oder tragen Sie die PIN in den Gateway-Einstellungen ein.</li>
<li>Portico liefert auf Wunsch eine verwaltete SIM, die in allen EU-Ländern funktioniert; bestellen Sie sie wie ein Ersatzteil.</li>
</ul>
<h2>Konfiguration</h2>
<ol>
<li>Gateway ausschalten, SIM in den Schacht auf der Vorderseite stecken und die LTE-Antenne anschließen.</li>
<li>Einschalten und in Portico Monitor oder der lokalen Weboberfläche <em>Einstellungen, Netzwerk, Mobilfunk</em> öffnen.</li>
<li>Den APN Ihres Anbieters eintragen; bei der Portico-SIM wird er automatisch ausgefüllt.</li>
<li>Den Modus auf <strong>Ausweichverbindung</strong> stellen und speichern.</li>
</ol>
<h2>Umschaltung testen</h2>
<p>Ziehen Sie das WAN-Kabel ab. Innerhalb von 60 Sekunden wechselt die Status-LED von grün auf cyan, und Portico Monitor zeigt den Verbindungstyp <em>LTE</em>. Stecken Sie das Kabel wieder ein: Nach fünf Minuten stabiler Kabelverbindung schaltet das Gateway zurück, um Datenvolumen zu sparen.</p>
<h2>Signalstärke</h2>
<p>Das Signal steht als RSRP unter <em>Diagnose, Mobilfunk</em>. Werte über −100 dBm sind gut; unter −110 dBm montieren Sie die Antenne mit dem Verlängerungskabel außerhalb des Schaltschranks.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(20, 'en', 'Running the gateway behind a proxy server',
 'Configure an HTTP proxy for the PX-200, switch MQTT to WebSockets on port 443, and exempt the gateway from TLS inspection.',
 '<p>In many plants, traffic to the internet must pass a proxy server. The PX-200 supports HTTP proxies with the <code>CONNECT</code> method, with or without basic authentication.</p>
<h2>Configuration</h2>
<ol>
<li>Open <em>Settings, Network, Proxy</em> in the local web interface.</li>
<li>Enter the proxy address and port, and user name and password if required.</li>
<li>Set <strong>Transport</strong> to <em>MQTT over WebSockets (443)</em>, because most proxies only allow port 443.</li>
<li>Save and run <em>Diagnostics, Connectivity</em>.</li>
</ol>
<p>The equivalent settings in a configuration file for mass roll-out look like this:</p>
<pre><code>[network.proxy]
url = http://proxy.plant.example:3128
user = px200
password = ********
[mqtt]
transport = websocket</code></pre>
<h2>TLS inspection</h2>
<p>The gateway checks the certificate of Portico Monitor against a pinned authority. If your proxy decrypts and re-encrypts TLS traffic, the gateway refuses the connection and reports <strong>E101</strong> in the diagnostics, although the certificate is not expired. Ask your network team to exempt these destinations from inspection:</p>
<ul>
<li><code>ingest.portico-monitor.example</code></li>
<li><code>updates.portico-monitor.example</code></li>
</ul>
<p>Importing your company’s inspection certificate into the gateway is deliberately not possible: it would allow whoever controls the proxy to send commands to your machines.</p>
<h2>Proxy auto-configuration</h2>
<p>PAC files are not supported. Enter the proxy that the PAC file would return for the destinations above.</p>', '', UTC_TIMESTAMP(6)),
(20, 'de', 'Das Gateway hinter einem Proxyserver betreiben',
 'Einen HTTP-Proxy für das PX-200 einrichten, MQTT auf WebSockets über Port 443 umstellen und das Gateway von der TLS-Prüfung ausnehmen.',
 '<p>In vielen Werken muss der Verkehr ins Internet über einen Proxyserver laufen. Das PX-200 unterstützt HTTP-Proxys mit der Methode <code>CONNECT</code>, mit oder ohne Basic-Authentifizierung.</p>
<h2>Konfiguration</h2>
<ol>
<li>Öffnen Sie in der lokalen Weboberfläche <em>Einstellungen, Netzwerk, Proxy</em>.</li>
<li>Tragen Sie Adresse und Port des Proxys ein, bei Bedarf auch Benutzername und Passwort.</li>
<li>Stellen Sie <strong>Transport</strong> auf <em>MQTT über WebSockets (443)</em>, weil die meisten Proxys nur Port 443 zulassen.</li>
<li>Speichern Sie und führen Sie <em>Diagnose, Konnektivität</em> aus.</li>
</ol>
<p>Dieselben Einstellungen sehen in einer Konfigurationsdatei für den Massen-Rollout so aus:</p>
<pre><code>[network.proxy]
url = http://proxy.plant.example:3128
user = px200
password = ********
[mqtt]
transport = websocket</code></pre>
<h2>TLS-Prüfung</h2>
<p>Das Gateway prüft das Zertifikat von Portico Monitor gegen eine fest hinterlegte Zertifizierungsstelle. Entschlüsselt Ihr Proxy den TLS-Verkehr und verschlüsselt ihn neu, lehnt das Gateway die Verbindung ab und meldet in der Diagnose <strong>E101</strong>, obwohl das Zertifikat nicht abgelaufen ist. Bitten Sie Ihr Netzwerkteam, diese Ziele von der Prüfung auszunehmen:</p>
<ul>
<li><code>ingest.portico-monitor.example</code></li>
<li><code>updates.portico-monitor.example</code></li>
</ul>
<p>Das Prüfzertifikat Ihres Unternehmens in das Gateway zu importieren ist bewusst nicht möglich: Wer den Proxy kontrolliert, könnte sonst Befehle an Ihre Maschinen senden.</p>
<h2>Automatische Proxykonfiguration</h2>
<p>PAC-Dateien werden nicht unterstützt. Tragen Sie den Proxy ein, den die PAC-Datei für die obigen Ziele liefern würde.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(21, 'en', 'Connecting a PLC via OPC UA',
 'Read process values such as speed, load and temperature from a machine controller over OPC UA and show them next to the vibration data.',
 '<p>Vibration alone does not tell whether a machine runs at full load or idles. The PX-200 can read process values from the machine controller over <strong>OPC UA</strong> and store them with the sensor data, so alarms can depend on the operating state.</p>
<h2>Prerequisites</h2>
<ul>
<li>An OPC UA server on the PLC or on a SCADA system, reachable from the gateway’s LAN port.</li>
<li>A user account on the OPC UA server with read rights on the required nodes.</li>
<li>Security policy <em>Basic256Sha256</em> or <em>Aes128_Sha256_RsaOaep</em>; unencrypted connections are possible but not recommended.</li>
</ul>
<h2>Setting up the connection</h2>
<ol>
<li>In Portico Monitor, open the gateway and choose <strong>Data sources, Add, OPC UA</strong>.</li>
<li>Enter the endpoint URL, for example <code>opc.tcp://192.168.10.20:4840</code>.</li>
<li>Choose the security policy and enter the user name and password.</li>
<li>The gateway presents its own certificate. On the OPC UA server, move it from the rejected to the trusted certificates.</li>
<li>Browse the address space and select the nodes; give each a name and a unit.</li>
</ol>
<h2>Sampling</h2>
<p>The gateway subscribes to the nodes with a sampling interval of one second by default and stores a value whenever it changes by more than the dead band you set. Keep the number of nodes per gateway below 500.</p>
<h2>Using the values</h2>
<p>Each node becomes a channel in Portico Monitor. Use it in dashboards or as a condition in alarm rules, for example <em>vibration above 7 mm/s while speed above 1,000 rpm</em>; see <a href="/kb/articles/25">Tuning alarm thresholds</a>. For older controllers without OPC UA, see Modbus TCP in <a href="/kb/articles/22">Reading Modbus TCP registers</a>.</p>', '', UTC_TIMESTAMP(6)),
(21, 'de', 'Eine SPS über OPC UA anbinden',
 'Prozesswerte wie Drehzahl, Last und Temperatur über OPC UA aus der Maschinensteuerung lesen und neben den Schwingungsdaten anzeigen.',
 '<p>Schwingungen allein verraten nicht, ob eine Maschine unter Volllast läuft oder im Leerlauf. Das PX-200 kann Prozesswerte über <strong>OPC UA</strong> aus der Maschinensteuerung lesen und mit den Sensordaten speichern, sodass Alarme vom Betriebszustand abhängen können.</p>
<h2>Voraussetzungen</h2>
<ul>
<li>Ein OPC-UA-Server auf der SPS oder einem SCADA-System, erreichbar vom LAN-Port des Gateways.</li>
<li>Ein Benutzerkonto auf dem OPC-UA-Server mit Leserechten auf die benötigten Knoten.</li>
<li>Sicherheitsrichtlinie <em>Basic256Sha256</em> oder <em>Aes128_Sha256_RsaOaep</em>; unverschlüsselte Verbindungen sind möglich, aber nicht empfohlen.</li>
</ul>
<h2>Verbindung einrichten</h2>
<ol>
<li>Öffnen Sie in Portico Monitor das Gateway und wählen Sie <strong>Datenquellen, Hinzufügen, OPC UA</strong>.</li>
<li>Tragen Sie die Endpunkt-URL ein, zum Beispiel <code>opc.tcp://192.168.10.20:4840</code>.</li>
<li>Wählen Sie die Sicherheitsrichtlinie und geben Sie Benutzername und Passwort ein.</li>
<li>Das Gateway legt ein eigenes Zertifikat vor. Verschieben Sie es auf dem OPC-UA-Server von den abgelehnten zu den vertrauenswürdigen Zertifikaten.</li>
<li>Durchsuchen Sie den Adressraum und wählen Sie die Knoten aus; geben Sie jedem einen Namen und eine Einheit.</li>
</ol>
<h2>Abtastung</h2>
<p>Das Gateway abonniert die Knoten standardmäßig mit einem Abtastintervall von einer Sekunde und speichert einen Wert, sobald er sich um mehr als das eingestellte Totband ändert. Bleiben Sie unter 500 Knoten je Gateway.</p>
<h2>Die Werte nutzen</h2>
<p>Jeder Knoten wird in Portico Monitor zu einem Kanal. Verwenden Sie ihn in Dashboards oder als Bedingung in Alarmregeln, etwa <em>Schwingung über 7 mm/s bei Drehzahl über 1.000 U/min</em>; siehe <a href="/kb/articles/25">Alarmschwellen richtig einstellen</a>. Für ältere Steuerungen ohne OPC UA lesen Sie <a href="/kb/articles/22">Modbus-TCP-Register lesen</a>.</p>', '', UTC_TIMESTAMP(6));

-- Only in English so far.
INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(22, 'en', 'Reading Modbus TCP registers',
 'Connect older controllers, energy meters and frequency inverters via Modbus TCP: register map, data types and byte order.',
 '<p>Many controllers, energy meters and frequency inverters that predate OPC UA speak <strong>Modbus TCP</strong>. The PX-200 polls them from its LAN port and stores the values as channels, just like OPC UA nodes.</p>
<h2>What you need</h2>
<ul>
<li>The IP address and unit identifier of the device (often 1, or 255 for gateways).</li>
<li>The register map from the device manual: address, function code, data type and scaling.</li>
</ul>
<h2>Adding a device</h2>
<ol>
<li>In Portico Monitor, open the gateway and choose <strong>Data sources, Add, Modbus TCP</strong>.</li>
<li>Enter the address, port (default 502) and unit identifier.</li>
<li>Add one line per value. The easiest way for many values is to upload a CSV file.</li>
</ol>
<pre><code>name;function;address;type;byte_order;scale;unit
motor_current;3;3000;float32;ABCD;1;A
dc_bus_voltage;3;3002;uint16;AB;0.1;V
output_frequency;4;100;int16;AB;0.01;Hz</code></pre>
<h2>Addresses and byte order</h2>
<p>Manuals count registers differently. If the manual lists <em>40001</em>, enter address 0 with function code 3: the leading 4 stands for holding registers, and the counting starts at one. Values of 32 bits use two registers; if the numbers look absurd, try the byte order <code>CDAB</code> instead of <code>ABCD</code>.</p>
<h2>Polling interval</h2>
<p>The default interval is five seconds. Do not go below one second per device: many inverters answer slowly and then drop the connection, which appears as gaps in the data.</p>
<h2>Security</h2>
<p>Modbus has no authentication. Connect the gateway’s LAN port only to the machine network, never to the office network, and allow only read function codes (3 and 4); write codes are blocked by the gateway.</p>', '', UTC_TIMESTAMP(6));
