# A service's form on pages.  A field the admin adds appears on the
# customers' form in their language and is checked when they raise a
# ticket through it; a pattern that PCRE2 cannot compile, a choice without
# options, bounds that do not fit the kind, a taken name and missing labels
# come back 422 at their field with every value kept (PCRE2's own words on
# the page); fields move up and down; an option or a field that tickets
# answered is retired, not deleted, so those tickets still show the answer
# and its label while new forms no longer offer it; a retired field can be
# restored; the preview draws the customers' form and checks it without
# raising a ticket.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Portico::Test;
use Portico::Tickets;
use Portico::TicketsAdmin;

my $admin = tka_client('admin@portico.example');
my $carl = tk_client('carl@acme.example');
my $klaus = tk_client('klaus@bergmann.example');
my $p = tka_prefix();
my $sid = tka_service($admin, 'kit');
my $slug = "$p-kit";
my $base = "/tickets/admin/services/$sid";

sub field_post {
    my ($path, %f) = @_;
    my %d = (kind => 'text', name => '', label_en => '', label_de => '', help_en => '', help_de => '',
        pattern => '', min => '', max => '', options => '');
    %d = (%d, %f);
    return tka_post($admin, $path, [map { ($_ => $d{$_}) } sort keys %d]);
}

subtest 'a text field with a pattern' => sub {
    my ($doc, $res) = field_post("$base/fields/new", name => 'asset-tag', label_en => 'Asset tag',
        label_de => 'Inventarnummer', help_en => 'On the sticker.', help_de => 'Auf dem Aufkleber.',
        required => 1, pattern => 'AT-[0-9]{4}', min => 7, max => 7);
    is($res->code, 303, 'answered 303');
    is(location_path($res), "$base/form?saved=1", 'back to the form');
    my $fid = tka_field_id($sid, 'asset-tag');
    my $r = sql_rows("SELECT kind, required, pattern, min_value, max_value, active FROM ticket_fields WHERE id = $fid")->[0];
    is_deeply($r, ['text', 1, 'AT-[0-9]{4}', 7, 7, 1], 'kind, required, pattern, bounds, active');
    is(decode_utf8(sql_value("SELECT label FROM ticket_field_texts WHERE field_id = $fid AND lang = 'de'")),
        'Inventarnummer', 'German label');
    my @a = tka_audit('ticket_field.create', 'ticket_field', $fid);
    is(scalar @a, 1, 'audited');
    like($a[0]{after}, qr/"pattern":"AT-\[0-9\]\{4\}"/, 'with the pattern');

    ($doc) = $carl->get_xml("/tickets/new/$slug");
    my $f = "/page/ticket-form/fields/field[\@name='f-asset-tag']";
    is(xp($doc, "$f/label"), 'Asset tag', 'on the customer\'s form');
    is(xp($doc, "$f/help"), 'On the sticker.', 'with its help');
    is(xp($doc, "$f/\@required"), '1', 'required');
    ($doc) = $klaus->get_xml("/tickets/new/$slug");
    is(xp($doc, "$f/label"), 'Inventarnummer', 'in German for a German reader');
};

subtest '422 at the field, every value kept' => sub {
    my $count = sql_value("SELECT COUNT(*) FROM ticket_fields WHERE service_id = $sid");
    my ($doc, $res) = field_post("$base/fields/new", name => 'serial', label_en => 'Serial', label_de => 'Seriennummer',
        pattern => '[A-Z', help_en => 'kept');
    is($res->code, 422, 'a pattern PCRE2 cannot compile: 422');
    is(tka_errors($doc)->{pattern}, 'tickets.admin.field.pattern', 'at the pattern');
    like(xp($doc, "/page/messages/message[\@field='pattern']/\@detail"), qr/missing terminating \]/,
        'with PCRE2\'s own words');
    is(xp($doc, "/page/messages/message[\@field='pattern']/\@offset"), '4', 'and where (the end)');
    is(xp($doc, "/page/form[\@name='field']/field[\@name='pattern']"), '[A-Z', 'the pattern kept');
    is(xp($doc, "/page/form[\@name='field']/field[\@name='help_en']"), 'kept', 'the rest kept');
    my $html = $admin->post("$base/fields/new", [kind => 'text', name => 'serial', label_en => 'S', label_de => 'S',
        pattern => '(a', csrf => csrf_of(scalar $admin->get_xml('/'))])->decoded_content;
    like($html, qr{PCRE2 says: missing closing parenthesis}, 'HTML: PCRE2\'s words at the field');

    ($doc, $res) = field_post("$base/fields/new", kind => 'select', name => 'colour', label_en => 'Colour',
        label_de => 'Farbe', options => "  \n");
    is($res->code, 422, 'a choice without options: 422');
    is(tka_errors($doc)->{options}, 'tickets.admin.options.required', 'at the options');

    ($doc, $res) = field_post("$base/fields/new", kind => 'multiselect', name => 'colour', label_en => 'Colour',
        label_de => 'Farbe', options => "red | Red | Rot\nno bar here\nblue | Blue");
    is($res->code, 422, 'a line without a bar: 422');
    is(tka_errors($doc)->{options}, 'tickets.admin.options.line', 'at the options');
    is(xp($doc, "/page/messages/message[\@field='options']/\@line"), '2', 'naming the line');
    is(xp($doc, "/page/form[\@name='field']/field[\@name='options']"), "red | Red | Rot\nno bar here\nblue | Blue",
        'the options kept');

    my %cases = (
        'a value twice'          => [{ kind => 'select', options => "a | A\na | B" }, options => 'tickets.admin.options.twice'],
        'a bad value'            => [{ kind => 'select', options => "-x | X" }, options => 'tickets.admin.options.value'],
        'no English label'       => [{ kind => 'select', options => "x |  | X" }, options => 'tickets.admin.options.label'],
        'options on a text'      => [{ kind => 'text', options => "a | A" }, options => 'tickets.admin.options.kind'],
        'a pattern on a date'    => [{ kind => 'date', pattern => '.*' }, pattern => 'tickets.admin.field.pattern-kind'],
        'text longer than 200'   => [{ kind => 'text', max => 500 }, max => 'tickets.admin.field.bound'],
        'bounds on a checkbox'   => [{ kind => 'checkbox', min => 1 }, min => 'tickets.admin.field.no-bounds'],
        'a minimum on a file'    => [{ kind => 'file', min => 1 }, min => 'tickets.admin.field.file-min'],
        'a file over 10 MB'      => [{ kind => 'file', max => 20000 }, max => 'tickets.admin.field.bound'],
        'more than the options'  => [{ kind => 'multiselect', options => "a | A\nb | B", max => 3 }, max => 'tickets.admin.field.bound'],
        'min above max'          => [{ kind => 'number', min => 10, max => 5 }, min => 'tickets.admin.field.min-above-max'],
        'not a number'           => [{ kind => 'number', min => 'ten' }, min => 'tickets.admin.integer'],
        'an unknown kind'        => [{ kind => 'colour' }, kind => 'tickets.admin.choice'],
        'a taken name'           => [{ name => 'asset-tag' }, name => 'tickets.admin.field.name-taken'],
        'a bad name'             => [{ name => 'Asset Tag' }, name => 'tickets.admin.slug.invalid'],
        'no English label'       => [{ label_en => '' }, label_en => 'tickets.admin.required'],
        'no German label'        => [{ label_de => ' ' }, label_de => 'tickets.admin.required'],
    );
    for my $case (sort keys %cases) {
        my ($f, $field, $key) = @{ $cases{$case} };
        ($doc, $res) = field_post("$base/fields/new", name => 'other', label_en => 'Other', label_de => 'Andere', %$f);
        is($res->code, 422, "$case: 422");
        is(tka_errors($doc)->{$field}, $key, "$case: at $field");
    }
    is(sql_value("SELECT COUNT(*) FROM ticket_fields WHERE service_id = $sid"), $count, 'nothing written');
};

subtest 'a choice with options; the customer raises a ticket through the form' => sub {
    my (undef, $res) = field_post("$base/fields/new", kind => 'select', name => 'device', label_en => 'Device',
        label_de => 'Gerät', required => 1, options => "laptop | Laptop | Notebook\r\nphone | Phone\r\n\r\ntablet | Tablet | Tablet");
    is($res->code, 303, 'answered 303');
    my $fid = tka_field_id($sid, 'device');
    is_deeply(sql_rows("SELECT value, position, active FROM ticket_field_options WHERE field_id = $fid ORDER BY position"),
        [['laptop', 10, 1], ['phone', 20, 1], ['tablet', 30, 1]], 'the options in order');
    my $phone = sql_value("SELECT id FROM ticket_field_options WHERE field_id = $fid AND value = 'phone'");
    is(sql_value("SELECT COUNT(*) FROM ticket_field_option_texts WHERE option_id = $phone AND lang = 'de'"), 0,
        'no German label where none was given');
    my ($doc) = $klaus->get_xml("/tickets/new/$slug");
    is(join(',', xp_list($doc, "//field[\@name='f-device']/option")), 'Notebook,Phone,Tablet',
        'German labels, the English one where none is German');

    my ($d2, $r2) = tk_post($carl, "/tickets/new/$slug", [subject => 'Broken', description => 'It broke.',
        'f-asset-tag' => 'XX-1', 'f-device' => 'toaster']);
    is($r2->code, 422, 'the admin\'s checks hold: 422');
    my $e = tka_errors($d2);
    is($e->{'f-asset-tag'}, 'tickets.field.too-short', 'the bound');
    is($e->{'f-device'}, 'tickets.field.option', 'the options');
    ($d2, $r2) = tk_post($carl, "/tickets/new/$slug", [subject => 'Broken', description => 'It broke.',
        'f-asset-tag' => 'AT-12XY', 'f-device' => 'laptop']);
    is(tka_errors($d2)->{'f-asset-tag'}, 'tickets.field.pattern', 'the pattern');

    my $number = tk_raise($carl, $slug, [subject => 'Broken laptop', description => 'It broke.',
        'f-asset-tag' => 'AT-1234', 'f-device' => 'laptop']);
    my $tid = ticket_id($number);
    is_deeply(sql_rows("SELECT f.name, a.value FROM ticket_answers a JOIN ticket_fields f ON f.id = a.field_id"
        . " WHERE a.ticket_id = $tid ORDER BY f.position"), [['asset-tag', 'AT-1234'], ['device', 'laptop']],
        'a ticket with the answers');
    is(ticket_row($number)->{service_id}, $sid, 'of the new service');
};

subtest 'move' => sub {
    my $tag = tka_field_id($sid, 'asset-tag');
    my $dev = tka_field_id($sid, 'device');
    my $order = sub { join ',', map { $_->[0] } @{ sql_rows("SELECT name FROM ticket_fields WHERE service_id = $sid"
        . ' AND active = 1 ORDER BY position, id') } };
    is($order->(), 'asset-tag,device', 'in the order added');
    my (undef, $res) = tka_post($admin, "$base/fields/$dev/move", [direction => 'up']);
    is($res->code, 303, 'answered 303');
    is(location_path($res), "$base/form", 'back to the form');
    is($order->(), 'device,asset-tag', 'moved up');
    is(scalar(tka_audit('ticket_field.move', 'ticket_field', $dev)), 1, 'audited');
    my ($doc) = $carl->get_xml("/tickets/new/$slug");
    is(join(',', xp_list($doc, '/page/ticket-form/fields/field/@name')), 'f-device,f-asset-tag', 'on the customer\'s form');
    tka_post($admin, "$base/fields/$dev/move", [direction => 'down']);
    is($order->(), 'asset-tag,device', 'and back down');
};

subtest 'an option that tickets chose is retired, not deleted' => sub {
    my $fid = tka_field_id($sid, 'device');
    my $number = (map { $_->[0] } @{ sql_rows("SELECT number FROM tickets WHERE service_id = $sid") })[0];
    my ($doc, $res) = field_post("$base/fields/$fid", kind => 'select', name => 'device', label_en => 'Device',
        label_de => 'Gerät', required => 1, options => "phone | Mobile phone | Handy\ntablet | Tablet");
    is($res->code, 303, 'answered 303');
    is_deeply(sql_rows("SELECT value, active FROM ticket_field_options WHERE field_id = $fid ORDER BY active DESC, position"),
        [['phone', 1], ['tablet', 1], ['laptop', 0]], 'laptop retired, the others kept');
    ($doc) = $carl->get_xml("/tickets/new/$slug");
    is(join(',', xp_list($doc, "//field[\@name='f-device']/option/\@value")), 'phone,tablet', 'no longer offered');
    my ($d2, $r2) = tk_post($carl, "/tickets/new/$slug", [subject => 'x', description => 'y',
        'f-asset-tag' => 'AT-1234', 'f-device' => 'laptop']);
    is(tka_errors($d2)->{'f-device'}, 'tickets.field.option', 'nor accepted');
    ($doc) = $carl->get_xml("/tickets/$number");
    is(xp($doc, "//answers/answer[\@field='device']/value"), 'Laptop', 'the old ticket still shows its label');
    ($doc) = $admin->get_xml("$base/fields/$fid");
    is(xp($doc, "/page/tka-field/retired-option/\@value"), 'laptop', 'the field page names it');
    is(xp($doc, "/page/form[\@name='field']/field[\@name='options']"), "phone | Mobile phone | Handy\ntablet | Tablet",
        'the options as lines');

    ($doc, $res) = field_post("$base/fields/$fid", kind => 'text', name => 'device', label_en => 'Device',
        label_de => 'Gerät');
    is($res->code, 422, 'an answered field keeps its kind: 422');
    is(tka_errors($doc)->{kind}, 'tickets.admin.field.kind-answered', 'at the kind');
};

subtest 'a retired field keeps old answers visible' => sub {
    my $fid = tka_field_id($sid, 'asset-tag');
    my $number = (map { $_->[0] } @{ sql_rows("SELECT number FROM tickets WHERE service_id = $sid") })[0];
    my ($doc) = $admin->get_xml("$base/fields/$fid");
    is(xp($doc, '/page/tka-field/@answers'), '1', 'the field page counts the answers');
    my (undef, $res) = tka_post($admin, "$base/fields/$fid/remove", []);
    is($res->code, 303, 'answered 303');
    is(location_path($res), "$base/form?retired=1", 'retired, says the form');
    is(sql_value("SELECT active FROM ticket_fields WHERE id = $fid"), 0, 'kept, inactive');
    my @a = tka_audit('ticket_field.retire', 'ticket_field', $fid);
    is(scalar @a, 1, 'audited');
    ($doc) = $carl->get_xml("/tickets/new/$slug");
    is(xp_count($doc, "//field[\@name='f-asset-tag']"), 0, 'gone from the customer\'s form');
    my $n2 = tk_raise($carl, $slug, [subject => 'Phone', description => 'Cracked.', 'f-device' => 'phone']);
    ok($n2, 'a ticket without it');
    ($doc) = $carl->get_xml("/tickets/$number");
    is(xp($doc, "//answers/answer[\@field='asset-tag']/label"), 'Asset tag', 'the old ticket shows its label');
    is(xp($doc, "//answers/answer[\@field='asset-tag']/value"), 'AT-1234', 'and its answer');
    ($doc) = $admin->get_xml("$base/form?retired=1");
    is(xp($doc, "/page/tka-form/field[\@id='$fid']/\@active"), '0', 'the form lists it as retired');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.admin.field.retired', 'and says so');

    (undef, $res) = tka_post($admin, "$base/fields/$fid/move", [direction => 'up']);
    is($res->code, 404, 'a retired field does not move');
    (undef, $res) = tka_post($admin, "$base/fields/$fid/restore", []);
    is($res->code, 303, 'restored: 303');
    is(sql_value("SELECT active FROM ticket_fields WHERE id = $fid"), 1, 'active again');
    ($doc) = $carl->get_xml("/tickets/new/$slug");
    is(xp($doc, '/page/ticket-form/fields/field[last()]/@name'), 'f-asset-tag', 'at the end of the form');
    is(scalar(tka_audit('ticket_field.restore', 'ticket_field', $fid)), 1, 'audited');
};

subtest 'an unanswered field is deleted; a file field in KB' => sub {
    my (undef, $res) = field_post("$base/fields/new", kind => 'file', name => 'photo', label_en => 'Photo',
        label_de => 'Foto', max => 2048);
    is($res->code, 303, 'a file field: 303');
    my $fid = tka_field_id($sid, 'photo');
    is(sql_value("SELECT max_value FROM ticket_fields WHERE id = $fid"), 2048 * 1024, 'kept in bytes');
    my ($doc) = $admin->get_xml("$base/fields/$fid");
    is(xp($doc, "/page/form[\@name='field']/field[\@name='max']"), '2048', 'shown in KB');
    ($doc) = $carl->get_xml("/tickets/new/$slug");
    is(xp($doc, "//field[\@name='f-photo']/\@max-bytes"), 2048 * 1024, 'the customer\'s form takes 2 MB');
    (undef, $res) = tka_post($admin, "$base/fields/$fid/remove", []);
    is(location_path($res), "$base/form?removed=1", 'removed');
    ok(!tka_field_id($sid, 'photo'), 'deleted');
    is(scalar(tka_audit('ticket_field.delete', 'ticket_field', $fid)), 1, 'audited');
};

subtest 'the preview' => sub {
    my $tickets = sql_value('SELECT COUNT(*) FROM tickets');
    my ($doc, $res) = $admin->get_xml("$base/preview");
    is($res->code, 200, '200');
    is(xp($doc, '/page/@view'), 'admin-preview', 'the preview');
    is(xp($doc, '/page/ticket-form/@action'), "$base/preview", 'sent to itself');
    is(join(',', xp_list($doc, '/page/ticket-form/fields/field/@name')), 'f-device,f-asset-tag', 'the form\'s fields');
    my $html = $admin->get("$base/preview")->decoded_content;
    like($html, qr{<select id="f-device" name="f-device"}, 'HTML: drawn by the customers\' view');
    like($html, qr{raises no ticket}, 'HTML: says it raises nothing');
    unlike($html, qr{tickets-deflect\.js}, 'HTML: no articles offered, so no filing counted');

    ($doc, $res) = tka_post($admin, "$base/preview", [subject => '', description => 'x', 'f-device' => 'laptop',
        'f-asset-tag' => 'AT-1']);
    is($res->code, 422, 'checked: 422');
    my $e = tka_errors($doc);
    is($e->{subject}, 'tickets.admin.required', 'the subject');
    is($e->{'f-device'}, 'tickets.field.option', 'a retired option');
    is($e->{'f-asset-tag'}, 'tickets.field.too-short', 'the bound');
    is(xp($doc, "/page/form[\@name='ticket']/field[\@name='f-asset-tag']"), 'AT-1', 'values kept');

    ($doc, $res) = tka_post($admin, "$base/preview", [subject => 'Test', description => 'x', 'f-device' => 'phone',
        'f-asset-tag' => 'AT-4321']);
    is($res->code, 200, 'a valid form: 200');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.admin.preview.valid', 'says it passes');
    is(sql_value('SELECT COUNT(*) FROM tickets'), $tickets, 'and raised nothing');
};

done_testing;
