-- Knowledge base demo data, part 5: articles 33-42, "Orders & delivery" and
-- "Billing & contracts".

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (33, 5, 'ordering-spare-parts',            'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 348 DAY, UTC_TIMESTAMP(6) - INTERVAL 41 DAY,  UTC_TIMESTAMP(6) - INTERVAL 348 DAY, 2470, 88, 9),
  (34, 5, 'order-approvals-and-budgets',     'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 342 DAY, UTC_TIMESTAMP(6) - INTERVAL 19 DAY,  UTC_TIMESTAMP(6) - INTERVAL 342 DAY, 1630, 57, 8),
  (35, 5, 'delivery-times-and-shipping',     'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 339 DAY, UTC_TIMESTAMP(6) - INTERVAL 8 DAY,   UTC_TIMESTAMP(6) - INTERVAL 339 DAY, 2890, 95, 15),
  (36, 5, 'returning-a-device-rma',          'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 320 DAY, UTC_TIMESTAMP(6) - INTERVAL 66 DAY,  UTC_TIMESTAMP(6) - INTERVAL 320 DAY, 1190, 44, 6),
  (37, 5, 'tracking-an-order',               'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, UTC_TIMESTAMP(6) - INTERVAL 122 DAY, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, 985,  33, 2),
  (38, 6, 'finding-and-downloading-invoices','customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 351 DAY, UTC_TIMESTAMP(6) - INTERVAL 29 DAY,  UTC_TIMESTAMP(6) - INTERVAL 351 DAY, 2305, 91, 4),
  (39, 6, 'service-contracts-compared',      'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 354 DAY, UTC_TIMESTAMP(6) - INTERVAL 15 DAY,  UTC_TIMESTAMP(6) - INTERVAL 354 DAY, 3760, 140, 12),
  (40, 6, 'payment-methods-and-terms',       'public',   'published', 4, UTC_TIMESTAMP(6) - INTERVAL 333 DAY, UTC_TIMESTAMP(6) - INTERVAL 180 DAY, UTC_TIMESTAMP(6) - INTERVAL 333 DAY, 1120, 39, 3),
  (41, 6, 'vat-and-reverse-charge',          'customer', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 280 DAY, UTC_TIMESTAMP(6) - INTERVAL 160 DAY, UTC_TIMESTAMP(6) - INTERVAL 280 DAY, 604,  22, 5),
  (42, 6, 'renewing-or-cancelling-a-contract','customer','published', 4, UTC_TIMESTAMP(6) - INTERVAL 260 DAY, UTC_TIMESTAMP(6) - INTERVAL 50 DAY,  UTC_TIMESTAMP(6) - INTERVAL 260 DAY, 870,  30, 4);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(33, 'en', 'Ordering spare parts in the portal',
 'Find parts by device or part number, check prices and stock, and place an order; buyers can order up to their limit without approval.',
 '<p>Buyers can order spare parts, accessories and consumables for Portico equipment directly in the portal. Prices are those of your contract; the currency is your company’s invoice currency.</p>
<h2>Finding the right part</h2>
<ul>
<li><strong>By device</strong>: open <em>Orders, Spare parts</em> and choose the device type, for example <em>VS-3</em>. The list shows all compatible parts.</li>
<li><strong>By part number</strong>: type the number from the old part or the manual, such as <code>VS3-BAT</code> or <code>PX2-ANT-24</code>, into the search field.</li>
<li><strong>From a device</strong>: in Portico Monitor, <em>Order parts</em> on a device page opens the portal with the matching parts.</li>
</ul>
<h2>Placing the order</h2>
<ol>
<li>Add the parts to the cart and check quantities.</li>
<li>Choose the delivery address. Addresses of all your sites are available; other addresses need a customer administrator.</li>
<li>Enter your own order reference, for example the purchase order number. It appears on the invoice.</li>
<li>Choose <strong>Place order</strong>. You receive a confirmation by e-mail.</li>
</ol>
<h2>Limits and approvals</h2>
<p>If the order exceeds your personal order limit, it is sent to an approver instead of being placed immediately. You see the status <em>waiting for approval</em> and get an e-mail when it is approved or rejected. Details in <a href="/kb/articles/34">Order approvals and budgets</a>.</p>
<h2>Stock and delivery</h2>
<p>The stock indicator shows whether a part ships from our warehouse in Frankfurt the same day. Delivery times by country are listed in <a href="/kb/articles/35">Delivery times and shipping options</a>.</p>', '', UTC_TIMESTAMP(6)),
(33, 'de', 'Ersatzteile im Portal bestellen',
 'Teile nach Gerät oder Teilenummer finden, Preise und Bestand prüfen und bestellen; Einkäufer bestellen bis zu ihrem Limit ohne Freigabe.',
 '<p>Einkäufer können Ersatzteile, Zubehör und Verbrauchsmaterial für Portico-Geräte direkt im Portal bestellen. Es gelten die Preise Ihres Vertrags; die Währung ist die Rechnungswährung Ihres Unternehmens.</p>
<h2>Das richtige Teil finden</h2>
<ul>
<li><strong>Nach Gerät</strong>: Öffnen Sie <em>Bestellungen, Ersatzteile</em> und wählen Sie den Gerätetyp, etwa <em>VS-3</em>. Die Liste zeigt alle passenden Teile.</li>
<li><strong>Nach Teilenummer</strong>: Geben Sie die Nummer vom alten Teil oder aus dem Handbuch ein, etwa <code>VS3-BAT</code> oder <code>PX2-ANT-24</code>.</li>
<li><strong>Vom Gerät aus</strong>: In Portico Monitor öffnet <em>Teile bestellen</em> auf einer Geräteseite das Portal mit den passenden Teilen.</li>
</ul>
<h2>Die Bestellung aufgeben</h2>
<ol>
<li>Legen Sie die Teile in den Warenkorb und prüfen Sie die Mengen.</li>
<li>Wählen Sie die Lieferadresse. Die Adressen aller Ihrer Standorte stehen zur Auswahl; andere Adressen richtet die Kundenadministration ein.</li>
<li>Geben Sie Ihre eigene Bestellreferenz ein, zum Beispiel die Bestellnummer Ihres Einkaufs. Sie erscheint auf der Rechnung.</li>
<li>Wählen Sie <strong>Bestellen</strong>. Sie erhalten eine Bestätigung per E-Mail.</li>
</ol>
<h2>Limits und Freigaben</h2>
<p>Überschreitet die Bestellung Ihr persönliches Bestelllimit, geht sie an eine freigebende Person, statt sofort aufgegeben zu werden. Sie sehen den Status <em>wartet auf Freigabe</em> und erhalten eine E-Mail, sobald sie freigegeben oder abgelehnt wurde. Details in <a href="/kb/articles/34">Bestellfreigaben und Budgets</a>.</p>
<h2>Bestand und Lieferung</h2>
<p>Die Bestandsanzeige zeigt, ob ein Teil noch am selben Tag aus unserem Lager in Frankfurt versendet wird. Lieferzeiten nach Land stehen in <a href="/kb/articles/35">Lieferzeiten und Versandarten</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(34, 'en', 'Order approvals and budgets',
 'How order limits per order and per month work, who approves what, and what to do when an order is stuck waiting for approval.',
 '<p>Budgets keep spending under control without slowing down everyday orders. Your customer administrator sets them under <em>Organisation, Budgets</em>.</p>
<h2>The limits</h2>
<table>
<thead><tr><th>Limit</th><th>Applies to</th><th>Effect when exceeded</th></tr></thead>
<tbody>
<tr><td>Buyer limit per order</td><td>Each buyer</td><td>The order waits for an approver.</td></tr>
<tr><td>Buyer limit per month</td><td>Each buyer, all orders of the calendar month</td><td>The order waits for an approver.</td></tr>
<tr><td>Company limit per order</td><td>The whole company</td><td>The order cannot be placed.</td></tr>
<tr><td>Company limit per month</td><td>The whole company</td><td>The order cannot be placed until next month or until the limit is raised.</td></tr>
</tbody>
</table>
<h2>Approving an order</h2>
<p>Approvers receive an e-mail and see waiting orders on their start page. They can approve, reject with a reason, or ask the buyer a question. An approver cannot approve their own order; another approver must do it.</p>
<h2>An order is stuck</h2>
<ul>
<li>Check who the approvers in your company are under <em>Users</em>, filtered by the role <em>Approver</em>.</li>
<li>If all approvers are absent, a customer administrator can assign the role to a deputy for the time being.</li>
<li>Orders waiting longer than 14 days are cancelled automatically; the buyer is informed.</li>
</ul>
<h2>Currency</h2>
<p>Limits are set in your company’s invoice currency. Orders are compared with the limits including shipping and excluding VAT.</p>', '', UTC_TIMESTAMP(6)),
(34, 'de', 'Bestellfreigaben und Budgets',
 'Wie Limits pro Bestellung und pro Monat funktionieren, wer was freigibt und was zu tun ist, wenn eine Bestellung in der Freigabe hängt.',
 '<p>Budgets halten die Ausgaben im Griff, ohne alltägliche Bestellungen zu bremsen. Ihre Kundenadministration legt sie unter <em>Organisation, Budgets</em> fest.</p>
<h2>Die Limits</h2>
<table>
<thead><tr><th>Limit</th><th>Gilt für</th><th>Folge bei Überschreitung</th></tr></thead>
<tbody>
<tr><td>Einkäuferlimit pro Bestellung</td><td>Jeden Einkäufer</td><td>Die Bestellung wartet auf eine Freigabe.</td></tr>
<tr><td>Einkäuferlimit pro Monat</td><td>Jeden Einkäufer, alle Bestellungen des Kalendermonats</td><td>Die Bestellung wartet auf eine Freigabe.</td></tr>
<tr><td>Firmenlimit pro Bestellung</td><td>Das ganze Unternehmen</td><td>Die Bestellung kann nicht aufgegeben werden.</td></tr>
<tr><td>Firmenlimit pro Monat</td><td>Das ganze Unternehmen</td><td>Die Bestellung ist erst im nächsten Monat oder nach Erhöhung des Limits möglich.</td></tr>
</tbody>
</table>
<h2>Eine Bestellung freigeben</h2>
<p>Freigebende erhalten eine E-Mail und sehen wartende Bestellungen auf ihrer Startseite. Sie können freigeben, mit Begründung ablehnen oder dem Einkäufer eine Frage stellen. Eigene Bestellungen kann niemand selbst freigeben; das übernimmt eine andere freigebende Person.</p>
<h2>Eine Bestellung hängt</h2>
<ul>
<li>Prüfen Sie unter <em>Benutzer</em>, gefiltert nach der Rolle <em>Freigebender</em>, wer in Ihrem Unternehmen freigeben darf.</li>
<li>Sind alle Freigebenden abwesend, kann die Kundenadministration die Rolle vorübergehend einer Vertretung zuweisen.</li>
<li>Bestellungen, die länger als 14 Tage warten, werden automatisch storniert; der Einkäufer wird informiert.</li>
</ul>
<h2>Währung</h2>
<p>Limits gelten in der Rechnungswährung Ihres Unternehmens. Bestellungen werden einschließlich Versand und ohne Umsatzsteuer mit den Limits verglichen.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(35, 'en', 'Delivery times and shipping options',
 'Standard, express and same-day courier delivery from our Frankfurt warehouse, with typical delivery times per region and cut-off times.',
 '<p>Parts in stock leave our warehouse in Frankfurt am Main on the same working day if the order is placed, and approved where necessary, before the cut-off time.</p>
<table>
<thead><tr><th>Option</th><th>Cut-off</th><th>Germany</th><th>EU</th><th>United Kingdom, Switzerland</th></tr></thead>
<tbody>
<tr><td>Standard</td><td>15:00</td><td>1–2 days</td><td>2–4 days</td><td>3–5 days</td></tr>
<tr><td>Express</td><td>15:00</td><td>next day by 12:00</td><td>1–2 days</td><td>2 days</td></tr>
<tr><td>Same-day courier</td><td>11:00</td><td>same day, within 300 km</td><td>on request</td><td>not available</td></tr>
</tbody>
</table>
<p>Times are working days after dispatch. For the United Kingdom and Switzerland, customs clearance can add a day; we ship with delivered duty paid, so you do not pay import charges on delivery.</p>
<h2>Costs</h2>
<p>Standard shipping is free for orders above 250 EUR (or the equivalent in your currency). Express and courier costs are shown in the cart before you order. Premium contracts include express delivery for replacement devices.</p>
<h2>Replacement devices</h2>
<p>When a device under contract fails, we ship the replacement before you return the defective one. The return is handled as an RMA; see <em>Returning a device</em>.</p>
<h2>Following your parcel</h2>
<p>As soon as the parcel is handed to the carrier, the order shows a tracking link; see <em>Tracking an order</em>.</p>', '', UTC_TIMESTAMP(6)),
(35, 'de', 'Lieferzeiten und Versandarten',
 'Standard-, Express- und Kurierversand am selben Tag aus unserem Lager in Frankfurt, mit typischen Lieferzeiten je Region und Annahmeschluss.',
 '<p>Vorrätige Teile verlassen unser Lager in Frankfurt am Main noch am selben Arbeitstag, wenn die Bestellung vor dem Annahmeschluss aufgegeben und, falls nötig, freigegeben wurde.</p>
<table>
<thead><tr><th>Versandart</th><th>Annahmeschluss</th><th>Deutschland</th><th>EU</th><th>Vereinigtes Königreich, Schweiz</th></tr></thead>
<tbody>
<tr><td>Standard</td><td>15:00</td><td>1–2 Tage</td><td>2–4 Tage</td><td>3–5 Tage</td></tr>
<tr><td>Express</td><td>15:00</td><td>nächster Tag bis 12:00</td><td>1–2 Tage</td><td>2 Tage</td></tr>
<tr><td>Kurier am selben Tag</td><td>11:00</td><td>am selben Tag, bis 300 km</td><td>auf Anfrage</td><td>nicht verfügbar</td></tr>
</tbody>
</table>
<p>Angaben in Arbeitstagen nach Versand. Für das Vereinigte Königreich und die Schweiz kann die Verzollung einen Tag hinzufügen; wir liefern verzollt und versteuert, Sie zahlen bei Zustellung also keine Einfuhrabgaben.</p>
<h2>Kosten</h2>
<p>Standardversand ist ab 250 EUR Bestellwert (oder dem Gegenwert in Ihrer Währung) kostenlos. Express- und Kurierkosten sehen Sie vor der Bestellung im Warenkorb. Premium-Verträge enthalten den Expressversand für Austauschgeräte.</p>
<h2>Austauschgeräte</h2>
<p>Fällt ein Gerät unter Vertrag aus, senden wir den Ersatz, bevor Sie das defekte Gerät zurückschicken. Die Rücksendung läuft als RMA; siehe <em>Ein Gerät zurücksenden</em>.</p>
<h2>Ihr Paket verfolgen</h2>
<p>Sobald das Paket an den Versanddienstleister übergeben ist, zeigt die Bestellung einen Verfolgungslink; siehe <em>Eine Bestellung verfolgen</em>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(36, 'en', 'Returning a device (RMA)',
 'Request a return merchandise authorisation in the portal, pack the device safely, and know what happens to repairs and credits.',
 '<p>Every return needs a <strong>return merchandise authorisation (RMA)</strong> number. Parcels without an RMA number cannot be assigned and are returned to the sender.</p>
<h2>Requesting an RMA</h2>
<ol>
<li>Open the order or the device in the portal and choose <strong>Return</strong>.</li>
<li>Choose the reason: defective, wrong part delivered, no longer needed, or replacement under contract.</li>
<li>For defects, describe the fault and attach the diagnostics file if the device is a gateway.</li>
<li>Submit. You receive the RMA number and a prepaid return label by e-mail.</li>
</ol>
<h2>Packing</h2>
<ul>
<li>Use the original packaging or a sturdy box with padding. Sensors must be packed individually.</li>
<li>Remove SIM cards and USB sticks from gateways; we cannot return them.</li>
<li>Lithium batteries stay in the sensor; do not ship loose batteries.</li>
<li>Write the RMA number on the outside of the box.</li>
</ul>
<h2>What happens next</h2>
<table>
<thead><tr><th>Reason</th><th>Result</th></tr></thead>
<tbody>
<tr><td>Defective, under warranty or contract</td><td>Repair or replacement free of charge</td></tr>
<tr><td>Defective, not covered</td><td>Cost estimate first; repair only after your approval</td></tr>
<tr><td>Wrong part delivered</td><td>Correct part and full credit</td></tr>
<tr><td>No longer needed, within 30 days, unused</td><td>Credit minus 15 % restocking fee</td></tr>
</tbody>
</table>
<p>The status of each RMA is shown in the portal. Credits appear as credit notes next to your invoices.</p>', '', UTC_TIMESTAMP(6)),
(36, 'de', 'Ein Gerät zurücksenden (RMA)',
 'Eine Rücksendenummer im Portal anfordern, das Gerät sicher verpacken und wissen, was mit Reparaturen und Gutschriften geschieht.',
 '<p>Jede Rücksendung braucht eine <strong>RMA-Nummer</strong> (Return Merchandise Authorisation). Pakete ohne RMA-Nummer können nicht zugeordnet werden und gehen an den Absender zurück.</p>
<h2>Eine RMA anfordern</h2>
<ol>
<li>Öffnen Sie die Bestellung oder das Gerät im Portal und wählen Sie <strong>Rücksendung</strong>.</li>
<li>Wählen Sie den Grund: defekt, falsches Teil geliefert, nicht mehr benötigt oder Austausch unter Vertrag.</li>
<li>Beschreiben Sie bei Defekten den Fehler und hängen Sie bei Gateways die Diagnosedatei an.</li>
<li>Absenden. Sie erhalten die RMA-Nummer und ein vorfrankiertes Rücksendeetikett per E-Mail.</li>
</ol>
<h2>Verpacken</h2>
<ul>
<li>Verwenden Sie die Originalverpackung oder einen stabilen Karton mit Polsterung. Sensoren einzeln verpacken.</li>
<li>Entnehmen Sie SIM-Karten und USB-Sticks aus Gateways; wir können sie nicht zurücksenden.</li>
<li>Lithiumbatterien bleiben im Sensor; versenden Sie keine losen Batterien.</li>
<li>Schreiben Sie die RMA-Nummer außen auf den Karton.</li>
</ul>
<h2>Wie es weitergeht</h2>
<table>
<thead><tr><th>Grund</th><th>Ergebnis</th></tr></thead>
<tbody>
<tr><td>Defekt, unter Gewährleistung oder Vertrag</td><td>Kostenlose Reparatur oder Austausch</td></tr>
<tr><td>Defekt, nicht abgedeckt</td><td>Zuerst ein Kostenvoranschlag; Reparatur erst nach Ihrer Zustimmung</td></tr>
<tr><td>Falsches Teil geliefert</td><td>Richtiges Teil und volle Gutschrift</td></tr>
<tr><td>Nicht mehr benötigt, innerhalb von 30 Tagen, unbenutzt</td><td>Gutschrift abzüglich 15 % Wiedereinlagerungsgebühr</td></tr>
</tbody>
</table>
<p>Den Status jeder RMA sehen Sie im Portal. Gutschriften erscheinen als Gutschriftsbelege neben Ihren Rechnungen.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(37, 'en', 'Tracking an order',
 'Follow an order from approval to delivery: the order statuses, the tracking link, partial deliveries and what to do if a parcel is late or damaged.',
 '<p>Every order in the portal has a status that changes as it moves through approval, our warehouse and the carrier. You are informed by e-mail at the important steps.</p>
<h2>Order statuses</h2>
<table>
<thead><tr><th>Status</th><th>Meaning</th></tr></thead>
<tbody>
<tr><td>Waiting for approval</td><td>The order exceeds the buyer’s limit and waits for an approver.</td></tr>
<tr><td>Confirmed</td><td>We received the order; it is being picked.</td></tr>
<tr><td>Shipped</td><td>The parcel is with the carrier; the tracking link is available.</td></tr>
<tr><td>Partially shipped</td><td>Some items were not in stock and follow separately.</td></tr>
<tr><td>Delivered</td><td>The carrier confirmed delivery.</td></tr>
</tbody>
</table>
<h2>Partial deliveries</h2>
<p>When some items are out of stock, we ship what is available so you are not kept waiting; the rest follows without extra shipping costs. If you prefer a single delivery, tick <em>Ship complete</em> when ordering.</p>
<h2>A parcel is late</h2>
<p>Check the tracking link first. If the carrier shows no movement for two working days, or the expected date has passed by more than two days, reply to the shipping confirmation or open a ticket with the order number; we file the claim with the carrier.</p>
<h2>A parcel arrives damaged</h2>
<p>Note the damage on the carrier’s delivery receipt if possible, take photos of the box and the contents, and report it within seven days. We send a replacement straight away; the damaged goods are collected with an <a href="/kb/articles/36">RMA</a>.</p>', '', UTC_TIMESTAMP(6)),
(37, 'de', 'Eine Bestellung verfolgen',
 'Eine Bestellung von der Freigabe bis zur Zustellung verfolgen: die Bestellstatus, der Verfolgungslink, Teillieferungen und was zu tun ist, wenn ein Paket spät oder beschädigt ankommt.',
 '<p>Jede Bestellung im Portal hat einen Status, der sich auf dem Weg durch Freigabe, Lager und Versand ändert. Bei den wichtigen Schritten werden Sie per E-Mail informiert.</p>
<h2>Bestellstatus</h2>
<table>
<thead><tr><th>Status</th><th>Bedeutung</th></tr></thead>
<tbody>
<tr><td>Wartet auf Freigabe</td><td>Die Bestellung überschreitet das Einkäuferlimit und wartet auf eine freigebende Person.</td></tr>
<tr><td>Bestätigt</td><td>Wir haben die Bestellung erhalten; sie wird kommissioniert.</td></tr>
<tr><td>Versandt</td><td>Das Paket ist beim Versanddienstleister; der Verfolgungslink ist verfügbar.</td></tr>
<tr><td>Teilweise versandt</td><td>Einige Positionen waren nicht vorrätig und folgen separat.</td></tr>
<tr><td>Zugestellt</td><td>Der Versanddienstleister hat die Zustellung bestätigt.</td></tr>
</tbody>
</table>
<h2>Teillieferungen</h2>
<p>Sind einige Positionen nicht vorrätig, senden wir das Verfügbare, damit Sie nicht warten müssen; der Rest folgt ohne zusätzliche Versandkosten. Wünschen Sie eine einzige Lieferung, wählen Sie bei der Bestellung <em>Komplett liefern</em>.</p>
<h2>Ein Paket verspätet sich</h2>
<p>Prüfen Sie zuerst den Verfolgungslink. Zeigt der Versanddienstleister zwei Arbeitstage lang keine Bewegung oder ist der erwartete Termin um mehr als zwei Tage überschritten, antworten Sie auf die Versandbestätigung oder eröffnen Sie ein Ticket mit der Bestellnummer; wir reklamieren beim Versanddienstleister.</p>
<h2>Ein Paket kommt beschädigt an</h2>
<p>Vermerken Sie den Schaden möglichst auf dem Zustellbeleg, fotografieren Sie Karton und Inhalt und melden Sie ihn innerhalb von sieben Tagen. Wir senden sofort Ersatz; die beschädigte Ware wird mit einer <a href="/kb/articles/36">RMA</a> abgeholt.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(38, 'en', 'Finding and downloading invoices',
 'All invoices and credit notes of your company are in the portal as PDF and as XRechnung/ZUGFeRD; filter, download and forward them to accounting.',
 '<p>Under <strong>Invoices</strong> you find every invoice and credit note issued to your company in the last ten years. Who can see them depends on roles: customer administrators and buyers see all invoices, other users none.</p>
<h2>Finding an invoice</h2>
<ul>
<li>Filter by period, status (open, paid, overdue) or type (invoice, credit note).</li>
<li>Search by invoice number, by our order number or by your own order reference.</li>
<li>Service contract invoices are issued per contract period; order invoices per shipment.</li>
</ul>
<h2>Formats</h2>
<table>
<thead><tr><th>Format</th><th>Use</th></tr></thead>
<tbody>
<tr><td>PDF</td><td>For people; archive-compliant PDF/A-3.</td></tr>
<tr><td>ZUGFeRD</td><td>PDF with embedded XML, read by most German accounting software.</td></tr>
<tr><td>XRechnung</td><td>Pure XML for public-sector customers and e-invoicing platforms.</td></tr>
</tbody>
</table>
<h2>Sending invoices to accounting automatically</h2>
<p>A customer administrator can enter an invoice e-mail address under <em>Organisation, Billing</em>, for example the inbox of your accounts payable department. Every new invoice is then sent there as ZUGFeRD in addition to being available in the portal.</p>
<h2>Something is wrong on an invoice</h2>
<p>Do not pay a different amount; open a ticket from the invoice page with <em>Question about this invoice</em>. The invoice number is filled in automatically. Changes to the invoice address apply to future invoices only; for VAT questions see <a href="/kb/articles/41">VAT and reverse charge on invoices</a>.</p>', '', UTC_TIMESTAMP(6)),
(38, 'de', 'Rechnungen finden und herunterladen',
 'Alle Rechnungen und Gutschriften Ihres Unternehmens liegen im Portal als PDF und als XRechnung/ZUGFeRD; filtern, herunterladen und an die Buchhaltung weiterleiten.',
 '<p>Unter <strong>Rechnungen</strong> finden Sie jede Rechnung und Gutschrift an Ihr Unternehmen der letzten zehn Jahre. Wer sie sieht, hängt von den Rollen ab: Kundenadministration und Einkäufer sehen alle Rechnungen, andere Benutzer keine.</p>
<h2>Eine Rechnung finden</h2>
<ul>
<li>Filtern Sie nach Zeitraum, Status (offen, bezahlt, überfällig) oder Art (Rechnung, Gutschrift).</li>
<li>Suchen Sie nach Rechnungsnummer, unserer Auftragsnummer oder Ihrer eigenen Bestellreferenz.</li>
<li>Rechnungen für Serviceverträge werden je Vertragszeitraum gestellt, Bestellrechnungen je Lieferung.</li>
</ul>
<h2>Formate</h2>
<table>
<thead><tr><th>Format</th><th>Verwendung</th></tr></thead>
<tbody>
<tr><td>PDF</td><td>Für Menschen; archivtaugliches PDF/A-3.</td></tr>
<tr><td>ZUGFeRD</td><td>PDF mit eingebettetem XML, von den meisten deutschen Buchhaltungsprogrammen lesbar.</td></tr>
<tr><td>XRechnung</td><td>Reines XML für öffentliche Auftraggeber und E-Rechnungsplattformen.</td></tr>
</tbody>
</table>
<h2>Rechnungen automatisch an die Buchhaltung senden</h2>
<p>Die Kundenadministration kann unter <em>Organisation, Abrechnung</em> eine Rechnungs-E-Mail-Adresse hinterlegen, etwa das Postfach Ihrer Kreditorenbuchhaltung. Jede neue Rechnung geht dann zusätzlich als ZUGFeRD dorthin.</p>
<h2>Auf einer Rechnung stimmt etwas nicht</h2>
<p>Zahlen Sie keinen abweichenden Betrag; eröffnen Sie auf der Rechnungsseite ein Ticket über <em>Frage zu dieser Rechnung</em>. Die Rechnungsnummer wird automatisch eingetragen. Änderungen der Rechnungsadresse gelten nur für künftige Rechnungen; zu Fragen der Umsatzsteuer siehe <a href="/kb/articles/41">Umsatzsteuer und Reverse-Charge auf Rechnungen</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(39, 'en', 'Service contracts compared: Basic, Plus and Premium',
 'What each service contract includes: support hours, response times, on-site visits, replacement devices and software features.',
 '<p>Every installation is covered by one of three service contracts. You can have different contracts for different sites, for example Premium for the main plant and Basic for a warehouse.</p>
<table>
<thead><tr><th></th><th>Basic</th><th>Plus</th><th>Premium</th></tr></thead>
<tbody>
<tr><td>Portal, knowledge base, tickets</td><td>yes</td><td>yes</td><td>yes</td></tr>
<tr><td>Support hours</td><td>business hours</td><td>business hours</td><td>24/7 for critical tickets</td></tr>
<tr><td>Response time, critical</td><td>8 business hours</td><td>4 hours</td><td>1 hour</td></tr>
<tr><td>Firmware and software updates</td><td>yes</td><td>yes</td><td>yes</td></tr>
<tr><td>Data retention in Portico Monitor</td><td>13 months</td><td>3 years</td><td>10 years</td></tr>
<tr><td>Annual on-site inspection</td><td>no</td><td>yes</td><td>yes</td></tr>
<tr><td>Replacement devices</td><td>at list price</td><td>free, standard shipping</td><td>free, express shipping</td></tr>
<tr><td>Battery replacement and calibration</td><td>no</td><td>no</td><td>yes</td></tr>
<tr><td>Single sign-on</td><td>option</td><td>yes</td><td>yes</td></tr>
<tr><td>Named technical account manager</td><td>no</td><td>no</td><td>yes</td></tr>
</tbody>
</table>
<h2>Term and price</h2>
<p>Contracts run for 12 or 36 months and are billed per monitored machine and year. The 36-month term has a lower annual price. The price per machine falls with the number of machines per site.</p>
<h2>Changing the contract</h2>
<p>Upgrades are possible at any time and take effect on the first day of the next month. Downgrades take effect at the end of the current term. Ask for an offer with a ticket of type <em>Contract</em>, or see <em>Renewing or cancelling a service contract</em>. Response times are explained in detail in <a href="/kb/articles/5">Service levels and response times explained</a>.</p>', '', UTC_TIMESTAMP(6)),
(39, 'de', 'Serviceverträge im Vergleich: Basic, Plus und Premium',
 'Was jeder Servicevertrag enthält: Supportzeiten, Reaktionszeiten, Vor-Ort-Besuche, Austauschgeräte und Softwarefunktionen.',
 '<p>Jede Anlage ist durch einen von drei Serviceverträgen abgedeckt. Für verschiedene Standorte können Sie verschiedene Verträge haben, etwa Premium für das Hauptwerk und Basic für ein Lager.</p>
<table>
<thead><tr><th></th><th>Basic</th><th>Plus</th><th>Premium</th></tr></thead>
<tbody>
<tr><td>Portal, Wissensdatenbank, Tickets</td><td>ja</td><td>ja</td><td>ja</td></tr>
<tr><td>Supportzeiten</td><td>Geschäftszeiten</td><td>Geschäftszeiten</td><td>24/7 für kritische Tickets</td></tr>
<tr><td>Reaktionszeit, kritisch</td><td>8 Geschäftsstunden</td><td>4 Stunden</td><td>1 Stunde</td></tr>
<tr><td>Firmware- und Software-Updates</td><td>ja</td><td>ja</td><td>ja</td></tr>
<tr><td>Datenaufbewahrung in Portico Monitor</td><td>13 Monate</td><td>3 Jahre</td><td>10 Jahre</td></tr>
<tr><td>Jährliche Vor-Ort-Inspektion</td><td>nein</td><td>ja</td><td>ja</td></tr>
<tr><td>Austauschgeräte</td><td>zum Listenpreis</td><td>kostenlos, Standardversand</td><td>kostenlos, Expressversand</td></tr>
<tr><td>Batteriewechsel und Kalibrierung</td><td>nein</td><td>nein</td><td>ja</td></tr>
<tr><td>Single Sign-on</td><td>Option</td><td>ja</td><td>ja</td></tr>
<tr><td>Fester technischer Ansprechpartner</td><td>nein</td><td>nein</td><td>ja</td></tr>
</tbody>
</table>
<h2>Laufzeit und Preis</h2>
<p>Verträge laufen 12 oder 36 Monate und werden je überwachter Maschine und Jahr abgerechnet. Die 36-monatige Laufzeit hat einen niedrigeren Jahrespreis. Der Preis pro Maschine sinkt mit der Zahl der Maschinen je Standort.</p>
<h2>Den Vertrag ändern</h2>
<p>Ein Wechsel nach oben ist jederzeit möglich und gilt ab dem Ersten des Folgemonats. Ein Wechsel nach unten gilt zum Ende der laufenden Laufzeit. Fordern Sie ein Angebot mit einem Ticket vom Typ <em>Vertrag</em> an oder lesen Sie <em>Einen Servicevertrag verlängern oder kündigen</em>. Die Reaktionszeiten erklärt <a href="/kb/articles/5">Servicelevel und Reaktionszeiten erklärt</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(40, 'en', 'Payment methods and terms',
 'Bank transfer within 30 days is standard; SEPA direct debit and card payment for orders are available. What happens when a payment is late.',
 '<p>Invoices are payable within <strong>30 days</strong> of the invoice date without deduction, unless your contract says otherwise. The bank details are printed on every invoice.</p>
<h2>Payment methods</h2>
<ul>
<li><strong>Bank transfer</strong>: please always quote the invoice number as the payment reference, so the payment is matched automatically.</li>
<li><strong>SEPA direct debit</strong>: a customer administrator can issue a SEPA B2B mandate under <em>Organisation, Billing</em>. Invoices are then collected on the due date; you get a pre-notification with every invoice.</li>
<li><strong>Credit card</strong>: possible for spare-part orders up to 2,000 EUR, not for contracts.</li>
</ul>
<h2>Currencies</h2>
<p>We invoice in EUR, GBP or CHF, according to your company’s settings. Please pay in the invoice currency; conversion costs charged by your bank are at your expense.</p>
<h2>Late payments</h2>
<p>Seven days after the due date we send a friendly reminder. After 30 days a second reminder follows, and after 45 days new orders are put on hold until the balance is settled. Support and monitoring are never interrupted because of a late payment.</p>
<h2>Bank details never change by e-mail</h2>
<blockquote><p>We will never inform you of new bank details only by e-mail. If you receive such a message, call your usual contact at Portico before making any payment.</p></blockquote>
<p>More about fraudulent e-mails is in <a href="/kb/articles/9">Keeping your account secure</a>.</p>', '', UTC_TIMESTAMP(6)),
(40, 'de', 'Zahlungsarten und Zahlungsbedingungen',
 'Standard ist die Überweisung innerhalb von 30 Tagen; SEPA-Lastschrift und Kartenzahlung für Bestellungen sind möglich. Was bei verspäteter Zahlung geschieht.',
 '<p>Rechnungen sind innerhalb von <strong>30 Tagen</strong> ab Rechnungsdatum ohne Abzug zahlbar, sofern Ihr Vertrag nichts anderes regelt. Die Bankverbindung steht auf jeder Rechnung.</p>
<h2>Zahlungsarten</h2>
<ul>
<li><strong>Überweisung</strong>: Geben Sie als Verwendungszweck bitte immer die Rechnungsnummer an, damit die Zahlung automatisch zugeordnet wird.</li>
<li><strong>SEPA-Lastschrift</strong>: Die Kundenadministration kann unter <em>Organisation, Abrechnung</em> ein SEPA-Firmenlastschriftmandat erteilen. Rechnungen werden dann zum Fälligkeitstag eingezogen; mit jeder Rechnung erhalten Sie eine Vorabankündigung.</li>
<li><strong>Kreditkarte</strong>: möglich für Ersatzteilbestellungen bis 2.000 EUR, nicht für Verträge.</li>
</ul>
<h2>Währungen</h2>
<p>Wir rechnen je nach Einstellung Ihres Unternehmens in EUR, GBP oder CHF ab. Bitte zahlen Sie in der Rechnungswährung; Umrechnungsgebühren Ihrer Bank gehen zu Ihren Lasten.</p>
<h2>Verspätete Zahlungen</h2>
<p>Sieben Tage nach Fälligkeit senden wir eine freundliche Erinnerung. Nach 30 Tagen folgt eine zweite Mahnung, nach 45 Tagen werden neue Bestellungen bis zum Ausgleich angehalten. Support und Überwachung werden wegen einer verspäteten Zahlung nie unterbrochen.</p>
<h2>Bankdaten ändern sich nie per E-Mail</h2>
<blockquote><p>Wir teilen Ihnen neue Bankdaten niemals nur per E-Mail mit. Erhalten Sie eine solche Nachricht, rufen Sie vor jeder Zahlung Ihre gewohnte Ansprechperson bei Portico an.</p></blockquote>
<p>Mehr über betrügerische E-Mails steht in <a href="/kb/articles/9">So schützen Sie Ihr Konto</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(41, 'en', 'VAT and reverse charge on invoices',
 'Why invoices to companies in other EU countries show no VAT, what the reverse-charge note means, and how to update your VAT number.',
 '<p>Portico Services GmbH is based in Germany. Whether an invoice includes German VAT depends on where your company is established and whether we have a valid VAT identification number for it.</p>
<table>
<thead><tr><th>Your company</th><th>VAT on our invoice</th><th>Note on the invoice</th></tr></thead>
<tbody>
<tr><td>Germany</td><td>19 % German VAT</td><td>none</td></tr>
<tr><td>Other EU country, valid VAT number</td><td>none</td><td>Reverse charge: VAT to be accounted for by the recipient</td></tr>
<tr><td>Other EU country, no valid VAT number</td><td>19 % German VAT</td><td>none</td></tr>
<tr><td>United Kingdom, Switzerland, other countries</td><td>none</td><td>Service not taxable in Germany, or export delivery</td></tr>
</tbody>
</table>
<h2>Reverse charge</h2>
<p>With reverse charge, you declare and, where applicable, deduct the VAT in your own VAT return. The invoice shows both VAT numbers, yours and ours; please check that yours is correct.</p>
<h2>Updating your VAT number</h2>
<p>A customer administrator enters the VAT number under <em>Organisation, Billing</em>. We verify it with the EU VIES service before it is used. Invoices already issued are not changed; if a wrong number led to German VAT being charged, open a ticket and we issue a corrected invoice.</p>
<h2>Supplies of goods</h2>
<p>For spare parts shipped to another EU country, the same rules apply as for services. For shipments outside the EU, the export documents serve as proof; they are available on request.</p>
<p>This article describes our invoicing practice and is not tax advice. For your own obligations, please ask your tax adviser.</p>', '', UTC_TIMESTAMP(6)),
(41, 'de', 'Umsatzsteuer und Reverse-Charge auf Rechnungen',
 'Warum Rechnungen an Unternehmen in anderen EU-Ländern keine Umsatzsteuer ausweisen, was der Reverse-Charge-Hinweis bedeutet und wie Sie Ihre USt-IdNr. aktualisieren.',
 '<p>Die Portico Services GmbH hat ihren Sitz in Deutschland. Ob eine Rechnung deutsche Umsatzsteuer enthält, hängt davon ab, wo Ihr Unternehmen ansässig ist und ob uns eine gültige Umsatzsteuer-Identifikationsnummer vorliegt.</p>
<table>
<thead><tr><th>Ihr Unternehmen</th><th>Umsatzsteuer auf unserer Rechnung</th><th>Hinweis auf der Rechnung</th></tr></thead>
<tbody>
<tr><td>Deutschland</td><td>19 % deutsche Umsatzsteuer</td><td>keiner</td></tr>
<tr><td>Anderes EU-Land, gültige USt-IdNr.</td><td>keine</td><td>Steuerschuldnerschaft des Leistungsempfängers</td></tr>
<tr><td>Anderes EU-Land, keine gültige USt-IdNr.</td><td>19 % deutsche Umsatzsteuer</td><td>keiner</td></tr>
<tr><td>Vereinigtes Königreich, Schweiz, andere Länder</td><td>keine</td><td>In Deutschland nicht steuerbare Leistung oder Ausfuhrlieferung</td></tr>
</tbody>
</table>
<h2>Reverse-Charge</h2>
<p>Beim Reverse-Charge-Verfahren melden Sie die Umsatzsteuer in Ihrer eigenen Umsatzsteuererklärung an und ziehen sie gegebenenfalls als Vorsteuer ab. Die Rechnung nennt beide Umsatzsteuer-Identifikationsnummern, Ihre und unsere; bitte prüfen Sie, ob Ihre stimmt.</p>
<h2>Die USt-IdNr. aktualisieren</h2>
<p>Die Kundenadministration trägt die Nummer unter <em>Organisation, Abrechnung</em> ein. Wir prüfen sie über das EU-System VIES, bevor sie verwendet wird. Bereits gestellte Rechnungen werden nicht geändert; wurde wegen einer falschen Nummer deutsche Umsatzsteuer berechnet, eröffnen Sie ein Ticket, und wir stellen eine korrigierte Rechnung aus.</p>
<h2>Warenlieferungen</h2>
<p>Für Ersatzteile, die in ein anderes EU-Land geliefert werden, gelten dieselben Regeln wie für Dienstleistungen. Bei Lieferungen außerhalb der EU dienen die Ausfuhrpapiere als Nachweis; sie sind auf Anfrage erhältlich.</p>
<p>Dieser Artikel beschreibt unsere Rechnungspraxis und ist keine Steuerberatung. Zu Ihren eigenen Pflichten fragen Sie bitte Ihre Steuerberatung.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(42, 'en', 'Renewing or cancelling a service contract',
 'Contracts renew automatically for twelve months unless cancelled three months before the end of the term; how to change, renew or cancel.',
 '<p>Service contracts run for an initial term of 12 or 36 months. Afterwards they <strong>renew automatically</strong> for 12 months at a time unless one party cancels with three months’ notice before the end of the term.</p>
<h2>Where to see your terms</h2>
<p>Under <em>Contracts</em> the portal shows each contract with its sites, the current term, the next possible cancellation date and the annual price. Customer administrators receive a reminder e-mail four months before the cancellation deadline.</p>
<h2>Renewing with changes</h2>
<ul>
<li>Adding machines or sites is possible at any time; the price is adjusted pro rata.</li>
<li>Switching to a longer term, for example from 12 to 36 months, lowers the annual price from the next term.</li>
<li>Upgrading to a higher contract takes effect on the first of the next month; see <a href="/kb/articles/39">Service contracts compared</a>.</li>
</ul>
<h2>Cancelling</h2>
<ol>
<li>Open a ticket of type <em>Contract</em> from the contract page, or send a letter to the address in the contract.</li>
<li>Name the contract number and the sites concerned. Partial cancellations for single sites are possible.</li>
<li>You receive a written confirmation with the end date within five working days.</li>
</ol>
<h2>What happens at the end</h2>
<p>Monitoring stops on the end date. Measurement data can be exported for 90 days afterwards; see <a href="/kb/articles/44">Exporting measurement data as CSV</a>. The gateways remain your property and can be reactivated later with a new contract.</p>', '', UTC_TIMESTAMP(6)),
(42, 'de', 'Einen Servicevertrag verlängern oder kündigen',
 'Verträge verlängern sich automatisch um zwölf Monate, wenn sie nicht drei Monate vor Laufzeitende gekündigt werden; so ändern, verlängern oder kündigen Sie.',
 '<p>Serviceverträge haben eine Erstlaufzeit von 12 oder 36 Monaten. Danach <strong>verlängern sie sich automatisch</strong> um jeweils 12 Monate, sofern keine Seite drei Monate vor Laufzeitende kündigt.</p>
<h2>Wo Sie Ihre Konditionen sehen</h2>
<p>Unter <em>Verträge</em> zeigt das Portal jeden Vertrag mit seinen Standorten, der aktuellen Laufzeit, dem nächstmöglichen Kündigungstermin und dem Jahrespreis. Die Kundenadministration erhält vier Monate vor der Kündigungsfrist eine Erinnerung per E-Mail.</p>
<h2>Mit Änderungen verlängern</h2>
<ul>
<li>Maschinen oder Standorte lassen sich jederzeit hinzufügen; der Preis wird anteilig angepasst.</li>
<li>Der Wechsel auf eine längere Laufzeit, etwa von 12 auf 36 Monate, senkt den Jahrespreis ab der nächsten Laufzeit.</li>
<li>Ein Wechsel in einen höheren Vertrag gilt ab dem Ersten des Folgemonats; siehe <a href="/kb/articles/39">Serviceverträge im Vergleich</a>.</li>
</ul>
<h2>Kündigen</h2>
<ol>
<li>Eröffnen Sie auf der Vertragsseite ein Ticket vom Typ <em>Vertrag</em> oder schreiben Sie an die Adresse im Vertrag.</li>
<li>Nennen Sie die Vertragsnummer und die betroffenen Standorte. Teilkündigungen für einzelne Standorte sind möglich.</li>
<li>Innerhalb von fünf Arbeitstagen erhalten Sie eine schriftliche Bestätigung mit dem Enddatum.</li>
</ol>
<h2>Was am Ende geschieht</h2>
<p>Die Überwachung endet am Enddatum. Messdaten können noch 90 Tage lang exportiert werden; siehe <a href="/kb/articles/44">Messdaten als CSV exportieren</a>. Die Gateways bleiben Ihr Eigentum und können später mit einem neuen Vertrag wieder aktiviert werden.</p>', '', UTC_TIMESTAMP(6));
