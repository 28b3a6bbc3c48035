# A customer's ticket page and list of tickets are kept for them alone
# (cgi-bin-src/tickets/kept.c): the same page asked again is sent from the
# kept copy (X-Portico-Cache: hit), and any change to what it shows (a
# reply, a status set by an agent or by SQL, a colleague put in CC or
# taken out, a new ticket) shows on the very next request.  Another person
# never gets someone's kept page; agents' pages and XML are never kept.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Spec;
use Portico::Test;
use Portico::Tickets;

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }

my $carl   = tk_client('carl@acme.example');
my $olivia = tk_client('olivia@acme.example');
my $agent  = tk_client('agent@portico.example');
my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Kept page check: label printer'));
my $id = ticket_id($n);

subtest 'the ticket page, kept for its reader' => sub {
    my $first = $carl->get("/tickets/$n");
    is($first->code, 200, 'the page');
    my $again = $carl->get("/tickets/$n");
    is(cache_of($again), 'hit', 'asked again: the kept page');
    like($again->decoded_content, qr/Kept page check: label printer/, 'with the ticket on it');
    like($again->decoded_content, qr/Carl/, 'and the reader\'s own name in the conversation');
    is(cache_of($carl->get("/tickets/$n?format=xml")), 'none', 'XML is never kept');

    my ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Kept page check: a new detail.']);
    is($res->code, 303, 'carl replies');
    my $after = $carl->get("/tickets/$n");
    isnt(cache_of($after), 'hit', 'the next page is built anew');
    like($after->decoded_content, qr/Kept page check: a new detail\./, 'and shows the reply');

    is(cache_of($carl->get("/tickets/$n")), 'hit', 'then kept again');
    set_ticket($n, status => "'pending'", pending_reason => "'customer'",
        updated_at => 'UTC_TIMESTAMP(6)');
    my ($x) = $carl->get_xml("/tickets/$n");
    is(xp($x, '/page/ticket/@status'), 'pending', 'a status set in SQL: the XML says so');
    my $page = $carl->get("/tickets/$n");
    isnt(cache_of($page), 'hit', 'and the page is not the kept one');
    like($page->decoded_content, qr/[Ww]aiting for you|[Pp]ending/, 'it shows the new status');
    set_ticket($n, status => "'open'", pending_reason => 'NULL', updated_at => 'UTC_TIMESTAMP(6)');
};

subtest 'one person\'s kept page is never another\'s' => sub {
    $carl->get("/tickets/$n") for 1 .. 2;
    is(cache_of($olivia->get("/tickets/$n")), 'none', 'a colleague without CC: not sent the kept page')
        or diag 'she must get 404 built, not carl\'s page';
    is($olivia->get("/tickets/$n")->code, 404, 'and no page at all: 404');

    my (undef, $res) = tk_post($carl, "/tickets/$n/cc", [email => 'olivia@acme.example']);
    is($res->code, 303, 'carl puts her in CC');
    my $p = $olivia->get("/tickets/$n");
    is($p->code, 200, 'in CC: she sees it');
    isnt(cache_of($p), 'hit', 'built for her');
    is(cache_of($olivia->get("/tickets/$n")), 'hit', 'and kept for her');
    my ($doc) = $olivia->get_xml("/tickets/$n");
    is(xp($doc, "/page/ticket/cc/person[\@me='1']"), 'Olivia Approver', 'her page marks her in CC');
    isnt(cache_of($carl->get("/tickets/$n")), 'hit', 'carl\'s kept page is outdated by the CC change');

    is(cache_of($carl->get("/tickets/$n")), 'hit', 'kept for carl again');
    (undef, $res) = tk_post($carl, "/tickets/$n/cc/remove", [user => 7]);
    is($res->code, 303, 'and takes her out');
    is($olivia->get("/tickets/$n")->code, 404, 'out of CC: 404 at once, no kept page');
    my $c = $carl->get("/tickets/$n");
    isnt(cache_of($c), 'hit', 'carl\'s kept page is outdated by it too');
    unlike($c->decoded_content, qr/Olivia Approver/, 'and no longer names her');

    is(cache_of($agent->get("/tickets/$n")), 'none', 'an agent\'s page is not kept');
    is(cache_of($agent->get("/tickets/$n")), 'none', 'not even the second time');
};

subtest 'what an agent does shows on the next request' => sub {
    is(cache_of($carl->get("/tickets/$n")) , 'hit', 'carl\'s page is kept') for 1 .. 2;
    my (undef, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'Kept page check: the agent answers.']);
    is($res->code, 303, 'an agent replies');
    my $p = $carl->get("/tickets/$n");
    isnt(cache_of($p), 'hit', 'carl\'s next page is built anew');
    like($p->decoded_content, qr/Kept page check: the agent answers\./, 'with the answer');

    is(cache_of($carl->get("/tickets/$n")), 'hit', 'kept again');
    my $other = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Kept page check: the parent'));
    (undef, $res) = tk_post($agent, "/tickets/$n/parent", [number => $other]);
    is($res->code, 303, 'the agent gives it a parent');
    isnt(cache_of($carl->get("/tickets/$n")), 'hit', 'a new link: built anew');
    is(cache_of($carl->get("/tickets/$n")), 'hit', 'kept again');
    (undef, $res) = tk_post($agent, "/tickets/$n/related", [number => $other]);
    is($res->code, 303, 'and relates the two');
    isnt(cache_of($carl->get("/tickets/$n")), 'hit', 'built anew again');
};

subtest 'the list of one\'s tickets' => sub {
    my $first = $carl->get('/tickets/mine');
    is($first->code, 200, 'the list');
    is(cache_of($carl->get('/tickets/mine')), 'hit', 'asked again: kept');
    is(cache_of($carl->get('/tickets/mine?sort=newest')), 'miss', 'another order: its own page, built and kept');
    is(cache_of($carl->get('/tickets/mine?sort=newest')), 'hit', 'kept in turn');
    $carl->get('/tickets/mine?sort=newest&utm=x') for 1 .. 2;
    is(cache_of($carl->get('/tickets/mine?sort=newest&utm=x')), 'none',
        'a parameter the list does not know: never kept');

    my $m = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Kept list check: new ticket'));
    my $list = $carl->get('/tickets/mine');
    isnt(cache_of($list), 'hit', 'a new ticket: the list is built anew');
    like($list->decoded_content, qr/\Q$m\E/, 'and lists it');

    $carl->get('/tickets/mine') for 1 .. 2;
    set_ticket($m, subject => "'Kept list check: renamed'", updated_at => 'UTC_TIMESTAMP(6)');
    like($carl->get('/tickets/mine')->decoded_content, qr/Kept list check: renamed/,
        'a change made in SQL shows at once');

    # Anna reads the whole org's tickets: her list is hers, not carl's.
    my $anna = tk_client('anna.admin@acme.example');
    $anna->get('/tickets/mine') for 1 .. 2;
    is(cache_of($anna->get('/tickets/mine')), 'hit', 'the org\'s list, kept for anna');
    set_ticket($m, subject => "'Kept list check: renamed again'", updated_at => 'UTC_TIMESTAMP(6)');
    like($anna->get('/tickets/mine')->decoded_content, qr/Kept list check: renamed again/,
        'and outdated by a change to any ticket of the org');
};

subtest 'a person\'s kept pages leave the disk within a minute' => sub {
    my $dir = File::Spec->catdir(Portico::Test::var_dir(), 'cache', 'tickets');
    my $has = sub {
        for my $f (glob(File::Spec->catfile($dir, '*.page'))) {
            open(my $fh, '<:raw', $f) or next;
            my $data = do { local $/; <$fh> };
            return 1 if index($data, 'Kept page check: a new detail.') >= 0;
        }
        return 0;
    };
    $carl->get("/tickets/$n") for 1 .. 2;
    ok($has->(), 'carl\'s ticket page is kept on disk');
    my $gone = 0;
    for (1 .. 30) {
        last if ($gone = !$has->());
        sleep 2;
    }
    ok($gone, 'and removed once it is too old to be used');
};

done_testing;
