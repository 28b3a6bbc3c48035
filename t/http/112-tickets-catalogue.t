# The service catalogue (GET /tickets/) and a service's form (GET
# /tickets/new/<service>): each organisation sees only the services of its
# kind and tier, grouped by category, in the reader's language; a service
# it may not use is not found; no tickets.create is 403, no session the
# login page.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

sub services {
    my ($doc) = @_;
    return join ' ', sort map { $_->value } $doc->findnodes('/page/catalogue/category/service/@slug');
}

subtest 'anonymous: to the login page' => sub {
    my $c = tk_client(undef);
    for my $path ('/tickets/', '/tickets/new/printer-fault', '/tickets/mine') {
        my $res = $c->get($path);
        is($res->code, 303, "$path: 303");
        like(location_path($res), qr{^/auth/login\?next=\Q$path\E$}, "$path: to the login page");
    }
};

subtest 'customer of a gold org: customer services, with the gold-only one' => sub {
    my $c = tk_client('carl@acme.example');
    my ($doc, $res) = $c->get_xml('/tickets/');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'catalogue', 'view');
    my $s = services($doc);
    like($s, qr/\bprinter-fault\b/, 'printer fault');
    like($s, qr/\bonsite-visit\b/, 'customer-only service');
    like($s, qr/\bconsulting\b/, 'gold-tier service');
    unlike($s, qr/\bpartner-material\b/, 'no partner-only service');
    is(xp_count($doc, '/page/catalogue/category'), 4, 'four categories');
    is(xp($doc, "/page/catalogue/category[\@slug='devices']/name"), 'Devices & equipment', 'category name');
    is(xp($doc, "//service[\@slug='printer-fault']/\@href"), '/tickets/new/printer-fault', 'link to the form');
    is(xp($doc, "//service[\@slug='invoice-question']/\@type"), 'question', 'type');
    my $html = $c->get('/tickets/')->decoded_content;
    like($html, qr{<a href="/tickets/new/printer-fault">Printer or device fault</a>}, 'HTML link');
};

subtest 'customer of a silver org, in German: no gold-only service' => sub {
    my $c = tk_client('klaus@bergmann.example', lang => 'de');
    my ($doc) = $c->get_xml('/tickets/');
    my $s = services($doc);
    unlike($s, qr/\bconsulting\b/, 'no gold-only service');
    like($s, qr/\bprinter-fault\b/, 'printer fault');
    is(xp($doc, "//service[\@slug='printer-fault']/name"), 'Störung an Drucker oder Gerät', 'German name');
    is(xp($doc, "/page/catalogue/category[\@slug='devices']/name"), 'Geräte & Ausstattung', 'German category');
    my ($form, $res) = $c->get_xml('/tickets/new/consulting');
    is($res->code, 404, 'the gold-only form: 404');
};

subtest 'partner: partner services, not the customer-only ones' => sub {
    my $c = tk_client('paula@northwind.example');
    my $s = services($c->get_xml('/tickets/'));
    like($s, qr/\bpartner-material\b/, 'partner-only service');
    unlike($s, qr/\bonsite-visit\b/, 'no customer-only service');
    unlike($s, qr/\bconsulting\b/, 'no customer gold service');
    is($c->get('/tickets/new/onsite-visit')->code, 404, 'customer-only form: 404');
    is($c->get('/tickets/new/partner-material')->code, 200, 'partner form: 200');
};

subtest 'without tickets.create: 403' => sub {
    my $c = tk_client('editor@portico.example');
    is($c->get('/tickets/')->code, 403, 'catalogue');
    is($c->get('/tickets/new/printer-fault')->code, 403, 'form');
    my ($doc, $res) = tk_post($c, '/tickets/new/printer-fault', tk_printer_form());
    is($res->code, 403, 'raising');
};

subtest 'the form of a service' => sub {
    my $c = tk_client('carl@acme.example');
    is($c->get('/tickets/new/no-such-service')->code, 404, 'unknown service: 404');
    is($c->get('/tickets/new/Bad_Slug')->code, 404, 'malformed slug: 404');
    my ($doc, $res) = $c->get_xml('/tickets/new/printer-fault');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'new', 'view');
    is(xp($doc, '/page/ticket-form/@action'), '/tickets/new/printer-fault', 'action');
    is(xp($doc, '/page/ticket-form/service/name'), 'Printer or device fault', 'service name');
    is(join(' ', map { $_->value } $doc->findnodes('/page/ticket-form/fields/field/@name')),
        'f-serial f-location f-error-code f-since f-affected-users f-photo', 'fields in order');
    is(xp($doc, "//field[\@name='f-serial']/\@kind"), 'text', 'kind');
    is(xp($doc, "//field[\@name='f-serial']/\@required"), '1', 'required');
    is(xp($doc, "//field[\@name='f-serial']/label"), 'Device serial number', 'label');
    like(xp($doc, "//field[\@name='f-serial']/help"), qr/type plate/, 'help');
    is(xp($doc, "/page/limits/limit[\@name='f-serial']/\@chars"), '40', 'text max as a limit');
    is(xp($doc, "//field[\@name='f-affected-users']/\@min"), '1', 'number min');
    like(xp($doc, "//field[\@name='f-since']/\@max"), qr/^\d{4}-\d{2}-\d{2}$/, 'date max as a day');
    is(xp($doc, "//field[\@name='f-photo']/\@max-bytes"), '5242880', 'file bound');
    my ($d2) = $c->get_xml('/tickets/new/access-request');
    is(xp_count($d2, "//field[\@name='f-systems']/option"), 6, 'multiselect options');
    is(xp($d2, "//field[\@name='f-systems']/option[\@value='vpn']"), 'VPN', 'option label');
    my $html = $c->get('/tickets/new/printer-fault')->decoded_content;
    like($html, qr/enctype="multipart\/form-data"/, 'multipart form');
    like($html, qr/<input[^>]*id="f-serial"[^>]*maxlength="40"/, 'maxlength');
    like($html, qr/<input[^>]*type="file"[^>]*name="f-photo"|<input[^>]*name="f-photo"[^>]*type="file"/, 'file input');
    my $de = tk_client('klaus@bergmann.example', lang => 'de');
    my ($dd) = $de->get_xml('/tickets/new/printer-fault');
    is(xp($dd, "//field[\@name='f-serial']/label"), 'Seriennummer des Geräts', 'German label');
    like(xp($dd, "//field[\@name='f-serial']/help"), qr/Typenschild/, 'German help');
};

done_testing;
