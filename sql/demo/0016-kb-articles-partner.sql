-- Knowledge base demo data, part 7: articles 51-58, "Partner programme"
-- and "Partner sales".  Audience partner: readable by partner companies
-- (kb.read.partner) such as Northwind Distribution, and by Portico staff.

INSERT INTO kb_articles (id, category_id, slug, audience, status, created_by, created_at, updated_at, published_at, view_count, helpful_yes, helpful_no) VALUES
  (51, 8,  'partner-programme-at-a-glance', 'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 346 DAY, UTC_TIMESTAMP(6) - INTERVAL 34 DAY,  UTC_TIMESTAMP(6) - INTERVAL 346 DAY, 412, 21, 1),
  (52, 8,  'partner-tiers-and-discounts',   'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 346 DAY, UTC_TIMESTAMP(6) - INTERVAL 34 DAY,  UTC_TIMESTAMP(6) - INTERVAL 346 DAY, 389, 17, 2),
  (53, 8,  'ordering-demo-equipment',       'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 310 DAY, UTC_TIMESTAMP(6) - INTERVAL 77 DAY,  UTC_TIMESTAMP(6) - INTERVAL 310 DAY, 201, 12, 0),
  (54, 8,  'technician-certification',      'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 300 DAY, UTC_TIMESTAMP(6) - INTERVAL 20 DAY,  UTC_TIMESTAMP(6) - INTERVAL 300 DAY, 265, 14, 1),
  (55, 8,  'co-marketing-funds',            'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 250 DAY, UTC_TIMESTAMP(6) - INTERVAL 130 DAY, UTC_TIMESTAMP(6) - INTERVAL 250 DAY, 140, 6,  1),
  (56, 15, 'registering-a-deal',            'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 340 DAY, UTC_TIMESTAMP(6) - INTERVAL 10 DAY,  UTC_TIMESTAMP(6) - INTERVAL 340 DAY, 356, 19, 3),
  (57, 15, 'preparing-quotes',              'partner', 'published', 4, UTC_TIMESTAMP(6) - INTERVAL 280 DAY, UTC_TIMESTAMP(6) - INTERVAL 62 DAY,  UTC_TIMESTAMP(6) - INTERVAL 280 DAY, 233, 11, 1),
  (58, 15, 'first-level-support-for-partners','partner','published', 4, UTC_TIMESTAMP(6) - INTERVAL 265 DAY, UTC_TIMESTAMP(6) - INTERVAL 45 DAY,  UTC_TIMESTAMP(6) - INTERVAL 265 DAY, 298, 15, 2);

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(51, 'en', 'The Portico partner programme at a glance',
 'What Portico partners do, what they get, and where in the portal to find deal registration, demo equipment, training and marketing material.',
 '<p>Portico partners sell, install and support Portico condition monitoring for their own customers. Distributors such as Northwind Distribution cover regions and industries that we do not reach directly; service partners add local installation and first-level support.</p>
<h2>Two partner types</h2>
<table>
<thead><tr><th></th><th>Reseller</th><th>Service partner</th></tr></thead>
<tbody>
<tr><td>Sells hardware and contracts</td><td>yes</td><td>yes</td></tr>
<tr><td>Installs and commissions</td><td>optional</td><td>yes, certified technicians</td></tr>
<tr><td>First-level support for its customers</td><td>no</td><td>yes</td></tr>
<tr><td>Contract with the end customer</td><td>through Portico</td><td>own contract possible</td></tr>
</tbody>
</table>
<h2>What you get</h2>
<ul>
<li>Partner prices with a discount that depends on your tier; see <a href="/kb/articles/52">Partner tiers and discounts</a>.</li>
<li>Protection for the deals you register; see <a href="/kb/articles/56">Registering a deal</a>.</li>
<li>Demo equipment at a reduced price and free training for your technicians.</li>
<li>Co-marketing funds and ready-made material in English and German.</li>
<li>A partner manager at Portico as your single point of contact.</li>
</ul>
<h2>Your partner area in the portal</h2>
<p>Partner users see the partner articles of this knowledge base, the deal registration form, the price list and the order history of their company. Your own customers do not see any of this; they see only the customer articles.</p>
<h2>Annual partner review</h2>
<p>Once a year your partner manager reviews revenue, certified technicians and customer satisfaction with you and confirms the tier for the coming year.</p>', '', UTC_TIMESTAMP(6)),
(51, 'de', 'Das Portico-Partnerprogramm im Überblick',
 'Was Portico-Partner tun, was sie bekommen und wo im Portal Projektregistrierung, Vorführgeräte, Schulungen und Marketingmaterial zu finden sind.',
 '<p>Portico-Partner verkaufen, installieren und betreuen Portico-Zustandsüberwachung für ihre eigenen Kunden. Distributoren wie Northwind Distribution decken Regionen und Branchen ab, die wir direkt nicht erreichen; Servicepartner ergänzen Installation vor Ort und First-Level-Support.</p>
<h2>Zwei Partnerarten</h2>
<table>
<thead><tr><th></th><th>Wiederverkäufer</th><th>Servicepartner</th></tr></thead>
<tbody>
<tr><td>Verkauft Hardware und Verträge</td><td>ja</td><td>ja</td></tr>
<tr><td>Installiert und nimmt in Betrieb</td><td>optional</td><td>ja, mit zertifizierten Technikern</td></tr>
<tr><td>First-Level-Support für die eigenen Kunden</td><td>nein</td><td>ja</td></tr>
<tr><td>Vertrag mit dem Endkunden</td><td>über Portico</td><td>eigener Vertrag möglich</td></tr>
</tbody>
</table>
<h2>Was Sie bekommen</h2>
<ul>
<li>Partnerpreise mit einem Rabatt, der von Ihrer Stufe abhängt; siehe <a href="/kb/articles/52">Partnerstufen und Rabatte</a>.</li>
<li>Schutz für die Projekte, die Sie registrieren; siehe <a href="/kb/articles/56">Ein Projekt registrieren</a>.</li>
<li>Vorführgeräte zu reduzierten Preisen und kostenlose Schulungen für Ihre Techniker.</li>
<li>Marketingzuschüsse und fertiges Material auf Deutsch und Englisch.</li>
<li>Einen Partnermanager bei Portico als zentrale Ansprechperson.</li>
</ul>
<h2>Ihr Partnerbereich im Portal</h2>
<p>Partnerbenutzer sehen die Partnerartikel dieser Wissensdatenbank, das Formular zur Projektregistrierung, die Preisliste und die Bestellhistorie ihres Unternehmens. Ihre eigenen Kunden sehen davon nichts; sie sehen nur die Kundenartikel.</p>
<h2>Jährliches Partnergespräch</h2>
<p>Einmal im Jahr bespricht Ihr Partnermanager mit Ihnen Umsatz, zertifizierte Techniker und Kundenzufriedenheit und bestätigt die Stufe für das kommende Jahr.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(52, 'en', 'Partner tiers and discounts',
 'Registered, Advanced and Premier partners: the requirements for each tier, the discounts on hardware and contracts, and how tiers are reviewed.',
 '<p>Your tier reflects how much Portico business you do and how well you can serve customers on your own. It determines your discount and some additional benefits.</p>
<table>
<thead><tr><th></th><th>Registered</th><th>Advanced</th><th>Premier</th></tr></thead>
<tbody>
<tr><td>Annual revenue with Portico</td><td>none</td><td>from 150,000 EUR</td><td>from 500,000 EUR</td></tr>
<tr><td>Certified technicians</td><td>none</td><td>at least 1</td><td>at least 3</td></tr>
<tr><td>Discount on hardware</td><td>10 %</td><td>18 %</td><td>25 %</td></tr>
<tr><td>Discount on service contracts</td><td>5 %</td><td>10 %</td><td>15 %</td></tr>
<tr><td>Additional discount on registered deals</td><td>5 %</td><td>7 %</td><td>10 %</td></tr>
<tr><td>Demo equipment</td><td>at 50 %</td><td>at 30 %</td><td>one set free per year</td></tr>
<tr><td>Co-marketing funds</td><td>no</td><td>2 % of revenue</td><td>3 % of revenue</td></tr>
</tbody>
</table>
<h2>How tiers are reviewed</h2>
<p>Tiers are reviewed every January on the basis of the previous calendar year. If you reach the requirements of a higher tier during the year, ask your partner manager for an early upgrade; it applies from the following month. A downgrade never happens during the year.</p>
<h2>Where to see your conditions</h2>
<p>Your current tier, the discounts and your revenue so far this year are shown on the partner start page. Prices in the portal’s price list already include your hardware discount; the additional discount for registered deals is applied when an order references the deal number.</p>
<p>New partners start as Registered. Certification of technicians is described in <a href="/kb/articles/54">Technician certification for partners</a>.</p>', '', UTC_TIMESTAMP(6)),
(52, 'de', 'Partnerstufen und Rabatte',
 'Registered-, Advanced- und Premier-Partner: die Voraussetzungen jeder Stufe, die Rabatte auf Hardware und Verträge und wie Stufen überprüft werden.',
 '<p>Ihre Stufe spiegelt wider, wie viel Portico-Geschäft Sie machen und wie gut Sie Kunden selbstständig betreuen können. Sie bestimmt Ihren Rabatt und einige zusätzliche Leistungen.</p>
<table>
<thead><tr><th></th><th>Registered</th><th>Advanced</th><th>Premier</th></tr></thead>
<tbody>
<tr><td>Jahresumsatz mit Portico</td><td>keiner</td><td>ab 150.000 EUR</td><td>ab 500.000 EUR</td></tr>
<tr><td>Zertifizierte Techniker</td><td>keine</td><td>mindestens 1</td><td>mindestens 3</td></tr>
<tr><td>Rabatt auf Hardware</td><td>10 %</td><td>18 %</td><td>25 %</td></tr>
<tr><td>Rabatt auf Serviceverträge</td><td>5 %</td><td>10 %</td><td>15 %</td></tr>
<tr><td>Zusatzrabatt auf registrierte Projekte</td><td>5 %</td><td>7 %</td><td>10 %</td></tr>
<tr><td>Vorführgeräte</td><td>zu 50 %</td><td>zu 30 %</td><td>ein Set pro Jahr kostenlos</td></tr>
<tr><td>Marketingzuschüsse</td><td>nein</td><td>2 % vom Umsatz</td><td>3 % vom Umsatz</td></tr>
</tbody>
</table>
<h2>Wie Stufen überprüft werden</h2>
<p>Die Stufen werden jeden Januar auf Basis des vorigen Kalenderjahres überprüft. Erreichen Sie im Lauf des Jahres die Voraussetzungen einer höheren Stufe, bitten Sie Ihren Partnermanager um ein vorzeitiges Upgrade; es gilt ab dem Folgemonat. Eine Herabstufung erfolgt nie während des Jahres.</p>
<h2>Wo Sie Ihre Konditionen sehen</h2>
<p>Ihre aktuelle Stufe, die Rabatte und Ihr bisheriger Jahresumsatz stehen auf der Partner-Startseite. Die Preise in der Preisliste des Portals enthalten bereits Ihren Hardwarerabatt; der Zusatzrabatt für registrierte Projekte wird angewandt, wenn eine Bestellung die Projektnummer angibt.</p>
<p>Neue Partner beginnen als Registered. Die Zertifizierung von Technikern beschreibt <a href="/kb/articles/54">Technikerzertifizierung für Partner</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(53, 'en', 'Ordering demo equipment',
 'The demo case with a gateway, three sensors and a motor test rig: what it contains, how to order it at partner conditions and how to use it at trade fairs.',
 '<p>Nothing convinces a maintenance manager like seeing a bearing fault appear on a dashboard in real time. The Portico demo case lets you show exactly that at the customer’s desk or on a trade fair stand.</p>
<h2>Contents of the demo case DC-1</h2>
<ul>
<li>PX-200-L gateway with a prepaid SIM for 12 months</li>
<li>Three VS-3 sensors with magnetic mounts</li>
<li>A small motor test rig with an adjustable unbalance disc</li>
<li>A tablet with Portico Connect and a demo dashboard set up</li>
<li>Power supply for 100 to 240 V, rugged case with wheels</li>
</ul>
<h2>Ordering</h2>
<ol>
<li>Open <em>Orders, Partner items</em> and choose <strong>Demo case DC-1</strong>.</li>
<li>The price reflects your tier; Premier partners get one case per year free of charge.</li>
<li>Demo equipment is registered to your company and cannot be resold for two years.</li>
</ol>
<h2>Demo account</h2>
<p>The case comes linked to a demo company in Portico Monitor with six months of realistic history for a pump, a fan and a gearbox, including a bearing fault developing over several weeks. Your partner users can sign in to this demo company with their normal accounts.</p>
<h2>Giving a demo</h2>
<p>Start with the history of the developing bearing fault, then switch on the test rig, turn the unbalance disc and let the audience watch the alarm arrive on the tablet. The whole demo takes ten minutes. A script with talking points is available under <em>Partner, Marketing material</em>; see also <a href="/kb/articles/55">Co-marketing funds and materials</a>.</p>', '', UTC_TIMESTAMP(6)),
(53, 'de', 'Vorführgeräte bestellen',
 'Der Demokoffer mit Gateway, drei Sensoren und einem Motorprüfstand: Inhalt, Bestellung zu Partnerkonditionen und Einsatz auf Messen.',
 '<p>Nichts überzeugt eine Instandhaltungsleitung so sehr, wie einen Lagerschaden in Echtzeit auf einem Dashboard entstehen zu sehen. Mit dem Portico-Demokoffer zeigen Sie genau das am Schreibtisch des Kunden oder am Messestand.</p>
<h2>Inhalt des Demokoffers DC-1</h2>
<ul>
<li>PX-200-L-Gateway mit Prepaid-SIM für 12 Monate</li>
<li>Drei VS-3-Sensoren mit Magnethalterung</li>
<li>Ein kleiner Motorprüfstand mit einstellbarer Unwuchtscheibe</li>
<li>Ein Tablet mit Portico Connect und eingerichtetem Demo-Dashboard</li>
<li>Netzteil für 100 bis 240 V, robuster Koffer mit Rollen</li>
</ul>
<h2>Bestellen</h2>
<ol>
<li>Öffnen Sie <em>Bestellungen, Partnerartikel</em> und wählen Sie <strong>Demokoffer DC-1</strong>.</li>
<li>Der Preis richtet sich nach Ihrer Stufe; Premier-Partner erhalten einen Koffer pro Jahr kostenlos.</li>
<li>Vorführgeräte werden auf Ihr Unternehmen registriert und dürfen zwei Jahre lang nicht weiterverkauft werden.</li>
</ol>
<h2>Demokonto</h2>
<p>Der Koffer ist mit einem Demounternehmen in Portico Monitor verknüpft, das sechs Monate realistische Historie für eine Pumpe, einen Lüfter und ein Getriebe enthält, einschließlich eines Lagerschadens, der sich über mehrere Wochen entwickelt. Ihre Partnerbenutzer melden sich mit ihren normalen Konten bei diesem Demounternehmen an.</p>
<h2>Eine Vorführung geben</h2>
<p>Beginnen Sie mit der Historie des sich entwickelnden Lagerschadens, schalten Sie dann den Prüfstand ein, drehen Sie die Unwuchtscheibe und lassen Sie das Publikum zusehen, wie der Alarm auf dem Tablet eintrifft. Die ganze Vorführung dauert zehn Minuten. Ein Leitfaden mit Gesprächspunkten liegt unter <em>Partner, Marketingmaterial</em>; siehe auch <a href="/kb/articles/55">Marketingzuschüsse und Materialien</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(54, 'en', 'Technician certification for partners',
 'The two-day certification course for partner technicians: content, dates, the practical exam and how long the certificate is valid.',
 '<p>Only certified technicians may commission Portico installations on behalf of a partner and handle first-level support. Certification is free for partners; travel and accommodation are paid by the partner.</p>
<h2>Course content</h2>
<ol>
<li><strong>Day one</strong>: product training on the PX-200 and VS-3, network requirements, mounting methods, commissioning with the checklist, Portico Monitor for administrators.</li>
<li><strong>Day two</strong>: troubleshooting with real fault cases, error codes, firmware handling, diagnostics files, working with Portico support, and the practical exam.</li>
</ol>
<h2>The exam</h2>
<p>In the practical exam each participant commissions a small installation on a test rig: mount two sensors, pair them, connect the gateway through a proxy, set alarm thresholds and find a fault we built in. A written part of 30 questions follows. Both parts must be passed; a retake is possible once within three months.</p>
<h2>Dates and registration</h2>
<p>Courses take place every month in Frankfurt and every quarter online with a hardware kit sent in advance. Register under <em>Partner, Training</em>; each course has eight places.</p>
<h2>Validity</h2>
<p>The certificate is valid for two years. To renew it, complete the online refresher module, which covers the changes of the last two years, and pass the short online test. Expired certificates are shown on the partner start page, so your tier requirements do not fail unnoticed.</p>
<h2>For your customers</h2>
<p>Certified technicians appear with name and certificate number in the commissioning report, which tells the customer the installation was done to Portico standards; see <a href="/kb/articles/17">Commissioning checklist for a new installation</a>.</p>', '', UTC_TIMESTAMP(6)),
(54, 'de', 'Technikerzertifizierung für Partner',
 'Der zweitägige Zertifizierungskurs für Partnertechniker: Inhalte, Termine, die praktische Prüfung und wie lange das Zertifikat gilt.',
 '<p>Nur zertifizierte Techniker dürfen Portico-Anlagen im Namen eines Partners in Betrieb nehmen und First-Level-Support leisten. Die Zertifizierung ist für Partner kostenlos; Reise und Unterkunft trägt der Partner.</p>
<h2>Kursinhalt</h2>
<ol>
<li><strong>Tag eins</strong>: Produktschulung zu PX-200 und VS-3, Netzwerkanforderungen, Befestigungsarten, Inbetriebnahme nach Checkliste, Portico Monitor für Administratoren.</li>
<li><strong>Tag zwei</strong>: Fehlersuche an echten Fällen, Fehlercodes, Umgang mit Firmware, Diagnosedateien, Zusammenarbeit mit dem Portico-Support und die praktische Prüfung.</li>
</ol>
<h2>Die Prüfung</h2>
<p>In der praktischen Prüfung nimmt jede Person eine kleine Anlage an einem Prüfstand in Betrieb: zwei Sensoren montieren und koppeln, das Gateway über einen Proxy anbinden, Alarmschwellen setzen und einen eingebauten Fehler finden. Danach folgt ein schriftlicher Teil mit 30 Fragen. Beide Teile müssen bestanden werden; eine Wiederholung ist einmal innerhalb von drei Monaten möglich.</p>
<h2>Termine und Anmeldung</h2>
<p>Kurse finden monatlich in Frankfurt und vierteljährlich online mit vorab verschicktem Hardware-Set statt. Melden Sie sich unter <em>Partner, Schulungen</em> an; jeder Kurs hat acht Plätze.</p>
<h2>Gültigkeit</h2>
<p>Das Zertifikat gilt zwei Jahre. Zur Verlängerung absolvieren Sie das Online-Auffrischungsmodul mit den Änderungen der letzten zwei Jahre und bestehen den kurzen Online-Test. Abgelaufene Zertifikate werden auf der Partner-Startseite angezeigt, damit die Voraussetzungen Ihrer Stufe nicht unbemerkt entfallen.</p>
<h2>Für Ihre Kunden</h2>
<p>Zertifizierte Techniker erscheinen mit Name und Zertifikatsnummer im Inbetriebnahmeprotokoll; so weiß der Kunde, dass die Anlage nach Portico-Standard errichtet wurde. Siehe <a href="/kb/articles/17">Checkliste für die Inbetriebnahme einer neuen Anlage</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(55, 'en', 'Co-marketing funds and materials',
 'Advanced and Premier partners receive marketing funds; how to apply, what is eligible, and the ready-made material you can use right away.',
 '<p>We support partners who promote Portico in their markets. Advanced partners accumulate 2 % and Premier partners 3 % of their Portico revenue as co-marketing funds, available for the following year.</p>
<h2>What is eligible</h2>
<ul>
<li>Trade fair stands where Portico is shown, up to 50 % of the stand costs.</li>
<li>Customer events and webinars with a Portico speaker.</li>
<li>Advertisements and mailings that name Portico products.</li>
<li>Translation of material into further languages.</li>
</ul>
<p>Not eligible are general brand campaigns of the partner, staff costs and gifts.</p>
<h2>Applying</h2>
<ol>
<li>Submit the activity under <em>Partner, Marketing funds</em> at least four weeks in advance, with the planned costs.</li>
<li>Your partner manager approves it, usually within a week.</li>
<li>After the activity, upload the invoices and proof such as photos or the mailing. We reimburse the approved share within 30 days.</li>
</ol>
<h2>Ready-made material</h2>
<p>Under <em>Partner, Marketing material</em> you find, in English and German:</p>
<ul>
<li>Product sheets for the PX-200, VS-3 and Portico Monitor, with space for your logo.</li>
<li>Three customer case studies from the food, paper and chemical industries.</li>
<li>A presentation for first customer meetings and the demo script for the <a href="/kb/articles/53">demo case</a>.</li>
<li>Logos and product photos in print quality.</li>
</ul>
<p>Please use the Portico logo only as provided and do not change the product names.</p>', '', UTC_TIMESTAMP(6)),
(55, 'de', 'Marketingzuschüsse und Materialien',
 'Advanced- und Premier-Partner erhalten Marketingzuschüsse; wie Sie sie beantragen, was förderfähig ist und welches fertige Material Sie sofort nutzen können.',
 '<p>Wir unterstützen Partner, die Portico in ihren Märkten bekannt machen. Advanced-Partner sammeln 2 %, Premier-Partner 3 % ihres Portico-Umsatzes als Marketingzuschuss an, der im Folgejahr zur Verfügung steht.</p>
<h2>Was förderfähig ist</h2>
<ul>
<li>Messestände, auf denen Portico gezeigt wird, bis zu 50 % der Standkosten.</li>
<li>Kundenveranstaltungen und Webinare mit einem Portico-Referenten.</li>
<li>Anzeigen und Mailings, die Portico-Produkte nennen.</li>
<li>Übersetzung von Material in weitere Sprachen.</li>
</ul>
<p>Nicht förderfähig sind allgemeine Markenkampagnen des Partners, Personalkosten und Geschenke.</p>
<h2>Beantragen</h2>
<ol>
<li>Reichen Sie die Maßnahme mindestens vier Wochen vorher unter <em>Partner, Marketingzuschüsse</em> mit den geplanten Kosten ein.</li>
<li>Ihr Partnermanager genehmigt sie, meist innerhalb einer Woche.</li>
<li>Laden Sie nach der Maßnahme Rechnungen und Nachweise wie Fotos oder das Mailing hoch. Wir erstatten den genehmigten Anteil innerhalb von 30 Tagen.</li>
</ol>
<h2>Fertiges Material</h2>
<p>Unter <em>Partner, Marketingmaterial</em> finden Sie auf Deutsch und Englisch:</p>
<ul>
<li>Produktblätter zu PX-200, VS-3 und Portico Monitor mit Platz für Ihr Logo.</li>
<li>Drei Anwenderberichte aus der Lebensmittel-, Papier- und Chemieindustrie.</li>
<li>Eine Präsentation für erste Kundengespräche und den Vorführleitfaden für den <a href="/kb/articles/53">Demokoffer</a>.</li>
<li>Logos und Produktfotos in Druckqualität.</li>
</ul>
<p>Bitte verwenden Sie das Portico-Logo nur wie geliefert und ändern Sie die Produktnamen nicht.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(56, 'en', 'Registering a deal',
 'Register an opportunity early to protect it: what a registration needs, how long protection lasts, and what happens if two partners register the same customer.',
 '<p>Deal registration protects the work you put into an opportunity. A registered deal gets the additional discount of your tier, and no other partner receives partner conditions for the same project while the registration is valid.</p>
<h2>What you need</h2>
<ul>
<li>The end customer’s company name, address and a contact person.</li>
<li>The site and an estimate of the number of machines to be monitored.</li>
<li>The expected order date and the products, roughly.</li>
<li>What you have done so far: first meeting, site visit, demo.</li>
</ul>
<h2>How to register</h2>
<ol>
<li>Open <em>Partner, Deals</em> and choose <strong>Register deal</strong>.</li>
<li>Fill in the form. The portal checks at once whether the customer is already registered or is a direct Portico customer.</li>
<li>Your partner manager confirms or rejects the registration within two working days.</li>
</ol>
<h2>Protection</h2>
<p>A confirmed registration is valid for <strong>90 days</strong> and can be extended twice by 90 days if the deal is making progress. Update the status in the portal after each important step; registrations without any update for 60 days lapse.</p>
<h2>Conflicts</h2>
<p>If two partners register the same project, the first complete registration wins. If the customer is already a direct customer of Portico, we decide together with you whether the partner takes over the installation or we involve you as a service partner.</p>
<h2>Ordering</h2>
<p>Enter the deal number in the order so the additional discount is applied; see <a href="/kb/articles/57">Preparing quotes for end customers</a>.</p>', '', UTC_TIMESTAMP(6)),
(56, 'de', 'Ein Projekt registrieren',
 'Eine Verkaufschance früh registrieren, um sie zu schützen: was eine Registrierung braucht, wie lange der Schutz gilt und was passiert, wenn zwei Partner denselben Kunden registrieren.',
 '<p>Die Projektregistrierung schützt die Arbeit, die Sie in eine Verkaufschance stecken. Ein registriertes Projekt erhält den Zusatzrabatt Ihrer Stufe, und kein anderer Partner bekommt für dasselbe Projekt Partnerkonditionen, solange die Registrierung gilt.</p>
<h2>Was Sie brauchen</h2>
<ul>
<li>Firmenname, Adresse und eine Ansprechperson des Endkunden.</li>
<li>Den Standort und eine Schätzung der Zahl der zu überwachenden Maschinen.</li>
<li>Das erwartete Bestelldatum und grob die Produkte.</li>
<li>Was Sie bisher getan haben: Erstgespräch, Begehung, Vorführung.</li>
</ul>
<h2>So registrieren Sie</h2>
<ol>
<li>Öffnen Sie <em>Partner, Projekte</em> und wählen Sie <strong>Projekt registrieren</strong>.</li>
<li>Füllen Sie das Formular aus. Das Portal prüft sofort, ob der Kunde bereits registriert oder Direktkunde von Portico ist.</li>
<li>Ihr Partnermanager bestätigt oder lehnt die Registrierung innerhalb von zwei Arbeitstagen ab.</li>
</ol>
<h2>Schutz</h2>
<p>Eine bestätigte Registrierung gilt <strong>90 Tage</strong> und kann zweimal um 90 Tage verlängert werden, wenn das Projekt vorankommt. Aktualisieren Sie den Status im Portal nach jedem wichtigen Schritt; Registrierungen ohne Aktualisierung seit 60 Tagen verfallen.</p>
<h2>Konflikte</h2>
<p>Registrieren zwei Partner dasselbe Projekt, gilt die erste vollständige Registrierung. Ist der Kunde bereits Direktkunde von Portico, entscheiden wir gemeinsam mit Ihnen, ob der Partner die Installation übernimmt oder wir Sie als Servicepartner einbinden.</p>
<h2>Bestellen</h2>
<p>Geben Sie die Projektnummer in der Bestellung an, damit der Zusatzrabatt angewandt wird; siehe <a href="/kb/articles/57">Angebote für Endkunden erstellen</a>.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(57, 'en', 'Preparing quotes for end customers',
 'Use the quote builder to size an installation, apply your partner conditions and produce a quote in your own name.',
 '<p>The quote builder in the partner area helps you size an installation correctly and calculate your own margin. The quote it produces carries your company’s name and logo; Portico does not appear as the seller.</p>
<h2>Sizing an installation</h2>
<ol>
<li>Start a quote from a registered deal under <em>Partner, Deals</em>, so the deal discount is applied.</li>
<li>Enter the machines to be monitored and the number of measuring points per machine.</li>
<li>The builder proposes gateways (one PX-200 per 40 sensors within radio range), sensors, mounting material and the commissioning effort.</li>
<li>Adjust the proposal to what you saw on site, for example antenna extensions for steel cabinets.</li>
</ol>
<h2>Contracts</h2>
<p>Add a service contract per site. For Basic and Plus contracts sold through a reseller, the contract is concluded between the end customer and Portico, and you receive a commission. Service partners can also sell their own service contract and buy Portico’s as a back-to-back contract.</p>
<h2>Prices and margin</h2>
<table>
<thead><tr><th>Column</th><th>Meaning</th></tr></thead>
<tbody>
<tr><td>List price</td><td>Recommended retail price</td></tr>
<tr><td>Your price</td><td>List price minus your tier discount and the deal discount</td></tr>
<tr><td>Quote price</td><td>What you charge; set a discount or a fixed price per line</td></tr>
<tr><td>Margin</td><td>Quote price minus your price, per line and in total</td></tr>
</tbody>
</table>
<h2>From quote to order</h2>
<p>When the customer accepts, choose <strong>Convert to order</strong>. The order is placed with Portico at your prices, and the deal is marked as won. Delivery can go to you or directly to the customer’s site.</p>', '', UTC_TIMESTAMP(6)),
(57, 'de', 'Angebote für Endkunden erstellen',
 'Mit dem Angebotsassistenten eine Anlage auslegen, Ihre Partnerkonditionen anwenden und ein Angebot in Ihrem eigenen Namen erstellen.',
 '<p>Der Angebotsassistent im Partnerbereich hilft Ihnen, eine Anlage richtig auszulegen und Ihre eigene Marge zu berechnen. Das erzeugte Angebot trägt Namen und Logo Ihres Unternehmens; Portico erscheint nicht als Verkäufer.</p>
<h2>Eine Anlage auslegen</h2>
<ol>
<li>Beginnen Sie ein Angebot aus einem registrierten Projekt unter <em>Partner, Projekte</em>, damit der Projektrabatt angewandt wird.</li>
<li>Erfassen Sie die zu überwachenden Maschinen und die Zahl der Messstellen je Maschine.</li>
<li>Der Assistent schlägt Gateways (ein PX-200 je 40 Sensoren in Funkreichweite), Sensoren, Montagematerial und den Aufwand für die Inbetriebnahme vor.</li>
<li>Passen Sie den Vorschlag an das an, was Sie vor Ort gesehen haben, etwa Antennenverlängerungen für Stahlschränke.</li>
</ol>
<h2>Verträge</h2>
<p>Fügen Sie je Standort einen Servicevertrag hinzu. Bei Basic- und Plus-Verträgen über einen Wiederverkäufer wird der Vertrag zwischen Endkunde und Portico geschlossen, und Sie erhalten eine Provision. Servicepartner können auch einen eigenen Servicevertrag verkaufen und den von Portico als Back-to-back-Vertrag einkaufen.</p>
<h2>Preise und Marge</h2>
<table>
<thead><tr><th>Spalte</th><th>Bedeutung</th></tr></thead>
<tbody>
<tr><td>Listenpreis</td><td>Unverbindliche Preisempfehlung</td></tr>
<tr><td>Ihr Preis</td><td>Listenpreis abzüglich Stufenrabatt und Projektrabatt</td></tr>
<tr><td>Angebotspreis</td><td>Was Sie berechnen; Rabatt oder Festpreis je Position</td></tr>
<tr><td>Marge</td><td>Angebotspreis minus Ihr Preis, je Position und gesamt</td></tr>
</tbody>
</table>
<h2>Vom Angebot zur Bestellung</h2>
<p>Nimmt der Kunde an, wählen Sie <strong>In Bestellung umwandeln</strong>. Die Bestellung geht zu Ihren Preisen an Portico, und das Projekt wird als gewonnen markiert. Geliefert wird an Sie oder direkt an den Standort des Kunden.</p>', '', UTC_TIMESTAMP(6));

INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at) VALUES
(58, 'en', 'First-level support: what partners handle',
 'Service partners answer their customers’ first questions; this is the split of responsibilities with Portico support and how to escalate a case.',
 '<p>Service partners are the first point of contact for the customers they installed. They know the site and the people, and they can be on site quickly. Portico support is the second level behind them.</p>
<h2>Who does what</h2>
<table>
<thead><tr><th>Task</th><th>Service partner</th><th>Portico support</th></tr></thead>
<tbody>
<tr><td>Questions about use, dashboards, alarms</td><td>answers</td><td>on request</td></tr>
<tr><td>Gateway offline, sensor without data</td><td>diagnoses using the knowledge base, on site if needed</td><td>analyses logs, fixes platform problems</td></tr>
<tr><td>Hardware defect</td><td>confirms the defect, swaps the device</td><td>ships the replacement, repairs</td></tr>
<tr><td>Suspected software bug</td><td>collects evidence</td><td>analyses and fixes</td></tr>
<tr><td>Contract and invoices of Portico</td><td>forwards</td><td>answers</td></tr>
</tbody>
</table>
<h2>Escalating to Portico</h2>
<ol>
<li>Open a ticket in the partner area and choose the customer it concerns.</li>
<li>Describe what you checked, with the diagnostics file and the serial numbers; tickets from certified technicians go directly to second-level engineers.</li>
<li>Choose the priority according to the customer’s contract; critical cases also by phone on the partner hotline.</li>
</ol>
<h2>Tools</h2>
<ul>
<li>With the customer’s consent you get read access to their sites in Portico Monitor.</li>
<li>The customer articles of this knowledge base can be sent to customers as links; start with the public articles <a href="/kb/articles/23">Gateway shows as offline</a> and <a href="/kb/articles/15">Network requirements for the PX-200 gateway</a>, which solve most cases.</li>
</ul>
<p>Partners that are not service partners forward their customers’ questions to Portico support by opening a ticket on the customer’s behalf.</p>', '', UTC_TIMESTAMP(6)),
(58, 'de', 'First-Level-Support: was Partner übernehmen',
 'Servicepartner beantworten die ersten Fragen ihrer Kunden; so ist die Arbeit mit dem Portico-Support aufgeteilt und so eskalieren Sie einen Fall.',
 '<p>Servicepartner sind die erste Anlaufstelle für die Kunden, deren Anlagen sie errichtet haben. Sie kennen Standort und Menschen und sind schnell vor Ort. Der Portico-Support ist die zweite Ebene dahinter.</p>
<h2>Wer was macht</h2>
<table>
<thead><tr><th>Aufgabe</th><th>Servicepartner</th><th>Portico-Support</th></tr></thead>
<tbody>
<tr><td>Fragen zu Bedienung, Dashboards, Alarmen</td><td>beantwortet</td><td>auf Anfrage</td></tr>
<tr><td>Gateway offline, Sensor ohne Daten</td><td>diagnostiziert mit der Wissensdatenbank, bei Bedarf vor Ort</td><td>analysiert Protokolle, behebt Plattformprobleme</td></tr>
<tr><td>Hardwaredefekt</td><td>bestätigt den Defekt, tauscht das Gerät</td><td>liefert Ersatz, repariert</td></tr>
<tr><td>Verdacht auf Softwarefehler</td><td>sammelt Belege</td><td>analysiert und behebt</td></tr>
<tr><td>Vertrag und Rechnungen von Portico</td><td>leitet weiter</td><td>beantwortet</td></tr>
</tbody>
</table>
<h2>An Portico eskalieren</h2>
<ol>
<li>Eröffnen Sie im Partnerbereich ein Ticket und wählen Sie den betroffenen Kunden.</li>
<li>Beschreiben Sie, was Sie geprüft haben, mit Diagnosedatei und Seriennummern; Tickets zertifizierter Techniker gehen direkt an Second-Level-Ingenieure.</li>
<li>Wählen Sie die Priorität nach dem Vertrag des Kunden; kritische Fälle zusätzlich telefonisch über die Partner-Hotline.</li>
</ol>
<h2>Werkzeuge</h2>
<ul>
<li>Mit Zustimmung des Kunden erhalten Sie Lesezugriff auf seine Standorte in Portico Monitor.</li>
<li>Die Kundenartikel dieser Wissensdatenbank können Sie Kunden als Link schicken; beginnen Sie mit den öffentlichen Artikeln <a href="/kb/articles/23">Gateway wird als offline angezeigt</a> und <a href="/kb/articles/15">Netzwerkanforderungen für das PX-200-Gateway</a>, die die meisten Fälle lösen.</li>
</ul>
<p>Partner, die keine Servicepartner sind, leiten die Fragen ihrer Kunden an den Portico-Support weiter, indem sie im Namen des Kunden ein Ticket eröffnen.</p>', '', UTC_TIMESTAMP(6));
