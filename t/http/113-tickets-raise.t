# Raising a ticket through a service's form: a valid form becomes, in one
# transaction, the ticket (next number of the year, priority from the
# matrix, the service's group and type), its answers, the first message,
# the history row, the audit row and a "new ticket" mail to each member of
# the group in their language, threaded by the ticket's Message-ID; 303 to
# the ticket.  Every invalid field comes back 422 with its message and
# every value kept; a form without the CSRF token is refused (403) and
# writes nothing.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX qw(strftime);
use Portico::Test;
use Portico::Tickets;

my $carl = tk_client('carl@acme.example');
my $year = strftime('%Y', gmtime);
my $count = sub { sql_value('SELECT COUNT(*) FROM tickets') };

subtest 'a valid form raises a ticket' => sub {
    my $before = sql_value("SELECT last_no FROM ticket_counters WHERE year = $year") // 0;
    my $number = tk_raise($carl, 'printer-fault', tk_printer_form('f-since' => strftime('%Y-%m-%d', gmtime)));
    like($number, qr/^T-$year-\d{6}$/, 'number of this year');
    is($number, sprintf('T-%s-%06d', $year, $before + 1), 'the next number');
    my $t = ticket_row($number);
    is($t->{org_id}, 2, 'org of the requester');
    is($t->{requester_id}, 6, 'requester');
    is($t->{type}, 'incident', 'type of the service');
    is($t->{status}, 'new', 'new');
    is($t->{subject}, 'Printer prints blank pages', 'subject');
    is("$t->{impact}/$t->{urgency}/$t->{priority}", '2/2/3', 'impact, urgency and priority from the matrix');
    is($t->{group_id}, 1, 'the service decides the group');
    ok(!defined $t->{assignee_id}, 'nobody assigned yet');
    like($t->{thread_id}, qr/^<ticket\.\Q$number\E\.[0-9a-f]{16}\@portico\.example>$/, 'thread id');

    my %a = map { $_->[0] => $_->[1] } @{ sql_rows("SELECT f.name, a.value FROM ticket_answers a"
        . " JOIN ticket_fields f ON f.id = a.field_id WHERE a.ticket_id = $t->{id}") };
    is($a{serial}, 'PX-20418', 'answer serial');
    is($a{location}, 'Hall 2, first floor', 'answer location');
    is($a{'error-code'}, 'E-071', 'answer error code');
    is($a{'affected-users'}, '4', 'answer number');
    ok(!exists $a{photo}, 'no file, no answer');

    my @m = message_rows($number);
    is(scalar @m, 1, 'one message');
    is($m[0]{kind}, 'public', 'public');
    is($m[0]{author}, 6, 'by the requester');
    is($m[0]{body}, "It feeds paper but prints nothing.\nSince this morning.", 'the description, line ends kept');
    is($m[0]{message_id}, $t->{thread_id}, 'its Message-ID is the thread id');

    my @h = history_rows($number);
    is_deeply([map { "$_->{field}:" . ($_->{new} // '') } @h], ['status:new'], 'history: created');
    my @audit = audit_for('ticket.create', $number);
    is(scalar @audit, 1, 'one audit row');
    is($audit[0]{user}, 6, 'audit: who');
    like($audit[0]{after}, qr/"service":"printer-fault"/, 'audit: service');
    like($audit[0]{after}, qr/"serial":"PX-20418"/, 'audit: answers');

    my @mails = outbox_for('ticket-new', $number);
    is_deeply([sort map { $_->{to} } @mails], [group_emails(1)], 'a mail to each member of the service desk');
    ok(grep({ $_->{to} eq 'agent@portico.example' } @mails), 'Alex of the service desk among them');
    is($mails[0]{message_id}, $t->{thread_id}, 'mail carries the thread id as Message-ID');
    like($mails[0]{data}, qr{<subject>Printer prints blank pages</subject>}, 'mail data: subject');
    like($mails[0]{data}, qr{<link>http[^<]*/tickets/\Q$number\E</link>}, 'mail data: link');

    my ($doc, $res) = $carl->get_xml("/tickets/$number?created=1");
    is($res->code, 200, 'the ticket page');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.created', 'thanks');
};

subtest 'mail in the recipient language' => sub {
    sql("UPDATE users SET language = 'de' WHERE id = 2");
    my $number = tk_raise($carl, 'invoice-question', [subject => 'Question', description => 'Why?',
        'f-invoice-number' => 'INV-2026-00042', 'f-topic' => 'vat']);
    sql("UPDATE users SET language = 'en' WHERE id = 2");
    my %lang = map { $_->{to} => $_->{lang} } outbox_for('ticket-new', $number);
    is($lang{'manager@portico.example'}, 'de', 'German for the German agent');
    is($lang{'agent@portico.example'}, 'en', 'English for the agent without a language: the org\'s');
    is(ticket_row($number)->{group_id}, 2, 'billing group');
    is(ticket_row($number)->{priority}, 5, 'low/low: P5');
};

subtest 'every kind of field is checked; 422 keeps every value' => sub {
    my $before = $count->();
    my ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', [
        subject => '', description => "  \n ", 'f-serial' => 'no serial', 'f-location' => 'x',
        'f-error-code' => 'E' x 41, 'f-since' => '2020-02-30', 'f-affected-users' => '12,5,3',
    ]);
    is($res->code, 422, 'answered 422');
    my %m = map { $_->getAttribute('field') => $_->getAttribute('key') }
        $doc->findnodes("/page/messages/message[\@kind='error']");
    is($m{subject}, 'tickets.subject.required', 'subject required');
    is($m{description}, 'tickets.body.required', 'description required');
    is($m{'f-serial'}, 'tickets.field.pattern', 'pattern');
    is($m{'f-location'}, 'tickets.field.too-short', 'too short');
    is($m{'f-error-code'}, 'tickets.field.too-long', 'too long');
    is($m{'f-since'}, 'tickets.field.date', 'not a date');
    is($m{'f-affected-users'}, 'tickets.field.number', 'not a number');
    is(xp($doc, "/page/messages/message[\@field='f-location']/\@min"), '3', 'the bound is said');
    is(xp($doc, "/page/messages/message[\@field='f-error-code']/\@max"), '40', 'the max is said');
    my $f = "/page/form[\@name='ticket']/field";
    is(xp($doc, "$f\[\@name='f-serial']"), 'no serial', 'value kept: serial');
    is(xp($doc, "$f\[\@name='f-location']"), 'x', 'value kept: location');
    is(xp($doc, "$f\[\@name='f-since']"), '2020-02-30', 'value kept: date');
    is(xp($doc, "$f\[\@name='f-affected-users']"), '12,5,3', 'value kept: number');
    is(xp($doc, '/page/ticket-form/service/@slug'), 'printer-fault', 'the form again');
    is($count->(), $before, 'no ticket');

    ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', tk_printer_form(
        subject => 'S' x 201, 'f-serial' => '', 'f-location' => '', 'f-affected-users' => '0',
        'f-since' => strftime('%Y-%m-%d', gmtime(time + 3 * 86400))));
    is($res->code, 422, '422 again');
    %m = map { $_->getAttribute('field') => $_->getAttribute('key') }
        $doc->findnodes("/page/messages/message[\@kind='error']");
    is($m{subject}, 'tickets.subject.too-long', 'subject too long');
    is($m{'f-serial'}, 'tickets.field.required', 'required text');
    is($m{'f-location'}, 'tickets.field.required', 'required text 2');
    is($m{'f-affected-users'}, 'tickets.field.number-min', 'number below its min');
    is($m{'f-since'}, 'tickets.field.date-max', 'date after its max');
    is(xp($doc, "$f\[\@name='subject']"), 'S' x 201, 'long subject kept');
    my $html = $carl->post('/tickets/new/printer-fault', [@{ tk_printer_form('f-serial' => '') },
        csrf => tk_csrf($carl)])->decoded_content;
    like($html, qr{<a href="#f-serial">Please fill in this field\.</a>}, 'HTML: the summary links the field');
    like($html, qr{aria-invalid="true"}, 'HTML: the field is marked');
};

subtest 'select, multiselect, checkbox' => sub {
    my ($doc, $res) = tk_post($carl, '/tickets/new/access-request', [subject => 'Access', description => 'Please',
        'f-systems' => 'erp', 'f-systems' => 'mainframe', 'f-justification' => 'too short']);
    is($res->code, 422, 'unknown option: 422');
    my %m = map { $_->getAttribute('field') => $_->getAttribute('key') }
        $doc->findnodes("/page/messages/message[\@kind='error']");
    is($m{'f-systems'}, 'tickets.field.option', 'not an option');
    is($m{'f-justification'}, 'tickets.field.too-short', 'min characters');
    is(join(',', xp_list($doc, "/page/form/field[\@name='f-systems']")), 'erp', 'valid choice kept');

    ($doc, $res) = tk_post($carl, '/tickets/new/access-request', [subject => 'Access', description => 'Please',
        map({ ('f-systems' => $_) } qw(erp crm vpn portal reporting)),
        'f-justification' => 'We need this for the quarterly reporting run.']);
    is($res->code, 422, 'too many choices: 422');
    is(xp($doc, "/page/messages/message[\@field='f-systems']/\@key"), 'tickets.field.choose-max', 'at most 4');
    is(xp_count($doc, "/page/form/field[\@name='f-systems']"), 5, 'all five kept');

    my $n = tk_raise($carl, 'access-request', [subject => 'Access', description => 'Please',
        'f-systems' => 'vpn', 'f-systems' => 'erp', 'f-systems' => 'vpn',
        'f-justification' => 'We need this for the quarterly reporting run.']);
    my $id = ticket_id($n);
    is(join(',', map { $_->[0] } @{ sql_rows("SELECT a.value FROM ticket_answers a JOIN ticket_fields f ON f.id = a.field_id"
        . " WHERE a.ticket_id = $id AND f.name = 'systems' ORDER BY a.position") }), 'vpn,erp', 'multiselect: one row per option, once each');
    my ($page) = $carl->get_xml("/tickets/$n");
    is(join(',', xp_list($page, "//answer[\@field='systems']/value")), 'VPN,ERP', 'shown by their labels');

    ($doc, $res) = tk_post($carl, '/tickets/new/onsite-visit', [subject => 'Visit', description => 'Please',
        'f-address' => '1 High Street, Leeds', 'f-preferred-date' => strftime('%Y-%m-%d', gmtime(time + 5 * 86400))]);
    is($res->code, 422, 'required checkbox not ticked: 422');
    is(xp($doc, "/page/messages/message[\@field='f-contact-confirmed']/\@key"), 'tickets.field.check', 'tick it');
    $n = tk_raise($carl, 'onsite-visit', [subject => 'Visit', description => 'Please',
        'f-address' => '1 High Street, Leeds', 'f-preferred-date' => strftime('%Y-%m-%d', gmtime(time + 5 * 86400)),
        'f-contact-confirmed' => 'on']);
    is(sql_value("SELECT value FROM ticket_answers a JOIN ticket_fields f ON f.id = a.field_id"
        . " WHERE a.ticket_id = " . ticket_id($n) . " AND f.name = 'contact-confirmed'"), '1', 'checkbox stored as 1');

    ($doc, $res) = tk_post($carl, '/tickets/new/device-replacement', [subject => 'New laptop',
        description => 'Mine broke', 'f-device-type' => 'toaster', 'f-reason' => 'Dropped it on the floor.']);
    is($res->code, 422, 'select: unknown option');
    is(xp($doc, "/page/messages/message[\@field='f-device-type']/\@key"), 'tickets.field.option', 'option message');
};

subtest 'file fields: type and size by the bytes' => sub {
    my $png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";
    my ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', tk_printer_form(),
        files => ['f-photo' => ['run.exe', "MZ\x90\0" . ("\0" x 60)]]);
    is($res->code, 422, 'an executable: 422');
    is(xp($doc, "/page/messages/message[\@field='f-photo']/\@key"), 'tickets.field.file-type', 'type message');

    ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', tk_printer_form(),
        files => ['f-photo' => ['big.txt', 'x' x (5 * 1024 * 1024 + 1)]]);
    is($res->code, 422, 'over the field\'s bound: 422');
    is(xp($doc, "/page/messages/message[\@field='f-photo']/\@key"), 'tickets.field.file-size', 'size message');

    ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', tk_printer_form('f-serial' => ''),
        files => ['f-photo' => ['fault.png', $png]]);
    is($res->code, 422, 'another field wrong');
    is(xp($doc, "/page/messages/message[\@kind='info' and \@field='f-photo']/\@key"), 'tickets.field.file-again',
        'the file must be chosen again');

    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(), files => ['f-photo' => ['../../fault photo.png', $png]]);
    my $id = ticket_id($n);
    my $row = sql_rows("SELECT f.id, f.filename, f.content_type, f.size_bytes, f.storage_name, f.message_id,"
        . " a.attachment_id FROM ticket_attachments f JOIN ticket_answers a ON a.attachment_id = f.id"
        . " WHERE f.ticket_id = $id")->[0];
    ok($row, 'attachment and answer');
    is($row->[1], 'fault_photo.png', 'a harmless name');
    is($row->[2], 'image/png', 'type by the bytes');
    is($row->[3], length $png, 'size');
    like($row->[4], qr/^[0-9a-f]{64}$/, 'random storage name');
    my $path = File::Spec->catfile(files_dir(), 'tickets', $row->[4]);
    ok(-f $path, 'stored under files/tickets');
    is((stat $path)[2] & 07777, 0640, 'mode 0640');
    my ($page) = $carl->get_xml("/tickets/$n");
    my $href = xp($page, "//answer[\@field='photo']/file/\@href");
    is($href, "/tickets/files/$row->[0]/fault_photo.png", 'linked from the answers');
    my $dl = $carl->get($href);
    is($dl->code, 200, 'download');
    is($dl->content, $png, 'the bytes as uploaded');
    is(tk_client('klaus@bergmann.example')->get($href)->code, 404, 'another org: 404');
};

subtest 'CSRF and permissions' => sub {
    my $before = $count->();
    my ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', tk_printer_form(), no_csrf => 1);
    is($res->code, 403, 'no token: 403');
    ($doc, $res) = tk_post($carl, '/tickets/new/printer-fault', tk_printer_form(), csrf => 'f' x 64);
    is($res->code, 403, 'wrong token: 403');
    ($doc, $res) = tk_post(tk_client(undef), '/tickets/new/printer-fault', tk_printer_form());
    is($res->code, 403, 'anonymous POST: 403');
    ($doc, $res) = tk_post(tk_client('paula@northwind.example'), '/tickets/new/onsite-visit',
        [subject => 'x', description => 'y']);
    is($res->code, 404, 'a service the org may not use: 404');
    is($count->(), $before, 'nothing written');
};

done_testing;
