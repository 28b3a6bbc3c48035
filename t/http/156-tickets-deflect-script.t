# Deflection with the form's script (htdocs/js/tickets-deflect.js), as
# HTTP: the form page carries the live region and the script; the script
# asks /kb/suggest and reports what it showed to POST
# /tickets/deflect/shown (service, articles), which records the filing
# (via 'script') and answers its id; later reports add to the same filing,
# each article once, articles the reader may not read left out; bad
# reports are 400/404, CSRF is checked.  A submit carrying the filing's id
# and suggested=script raises the ticket at once and ties it to the
# filing; without an id a filing showing nothing is recorded.  The figure
# per service (GET /tickets/deflection) counts filings, shown, opened,
# answered, raised and deflected from the view ticket_deflection_daily,
# for agents and managers only.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::Tickets;
use Portico::Survey;

my $word = made_up_word();
my $kb = kb_articles_with($word, 3, internal => 1);
my @public = @{ $kb->{public} };
my $carl = tk_client('carl@acme.example');
my $since = sql_value('SELECT COALESCE(MAX(id), 0) FROM ticket_deflections');
forget_filings_of('carl@acme.example', 'paula@northwind.example');

# What the script sends: urlencoded, asking for XML.
sub shown {
    my ($c, @pairs) = @_;
    my %o = ref $pairs[-1] eq 'HASH' ? %{ pop @pairs } : ();
    push @pairs, csrf => tk_csrf($c) unless $o{no_csrf};
    return $c->post_xml('/tickets/deflect/shown', \@pairs);
}

subtest 'the form carries the live region and the script' => sub {
    my $html = $carl->get('/tickets/new/other-question')->decoded_content;
    like($html, qr{<script src="/static/js/tickets-deflect\.js" defer(="defer")?></script>}, 'the script, from a file');
    like($html, qr{id="tk-deflect"[^>]*data-service="other-question"}, 'the service for the script');
    like($html, qr{<p class="visually-hidden" id="tk-deflect-status" role="status" aria-live="polite"></p>},
        'a polite live region, there from the start');
    like($html, qr{<section class="tk-deflect-box"[^>]*hidden}, 'the list hidden until there are articles');
    is(tk_client(undef)->get('/static/js/tickets-deflect.js')->code, 200, 'the script is served');
};

my $filing;
subtest 'the script reports what it shows' => sub {
    my ($sug) = $carl->get_xml("/kb/suggest?q=$word");
    my @ids = xp_list($sug, '/page/suggestions/suggestion/@id');
    is_deeply([sort { $a <=> $b } @ids], [sort { $a <=> $b } @public], '/kb/suggest finds the word\'s articles');

    my ($doc, $res) = shown($carl, service => 'other-question', map { (article => $_) } @public[0, 1]);
    is($res->code, 200, 'status 200');
    $filing = xp($doc, '/page/deflection/@id');
    like($filing, qr/^\d+$/, 'the filing\'s id');
    is(xp($doc, '/page/deflection/@href-prefix'), "/tickets/deflect/$filing/open/", 'its links');
    my $f = deflection_row($filing);
    is("$f->{user_id}/$f->{org_id}/$f->{service_id}/$f->{via}", '6/2/' . service_id('other-question') . '/script',
        'user, org, service, by the script');
    is($f->{shown_count}, 2, 'two shown');

    ($doc, $res) = shown($carl, service => 'other-question', deflection => $filing,
        article => $public[1], article => $public[2], article => $kb->{internal});
    is(xp($doc, '/page/deflection/@id'), $filing, 'the same filing');
    is(deflection_row($filing)->{shown_count}, 3, 'one more; the repeated one once, the internal one left out');
    is_deeply([map { $_->[0] } @{ deflection_articles($filing) }], [@public], 'in the order shown');

    my $res2 = $carl->get("/tickets/deflect/$filing/open/$public[2]");
    is($res2->code, 303, 'a link opened');
    is(deflection_row($filing)->{opened_count}, 1, 'recorded');
};

subtest 'bad reports' => sub {
    my $before = scalar deflection_rows('carl@acme.example', $since);
    my (undef, $res) = shown($carl, service => 'other-question');
    is($res->code, 400, 'no article: 400');
    (undef, $res) = shown($carl, service => 'other-question', map { (article => $_) } 1 .. 6);
    is($res->code, 400, 'six articles: 400');
    (undef, $res) = shown($carl, service => 'other-question', article => 'x1');
    is($res->code, 400, 'not an id: 400');
    (undef, $res) = shown($carl, service => 'no-such-service', article => $public[0]);
    is($res->code, 404, 'no such service: 404');
    (undef, $res) = shown(tk_client('paula@northwind.example'), service => 'onsite-visit', article => $public[0]);
    is($res->code, 404, 'a service the org may not use: 404');
    (undef, $res) = shown($carl, service => 'other-question', article => $public[0], { no_csrf => 1 });
    is($res->code, 403, 'without the token: 403');
    (undef, $res) = tk_client(undef)->post_xml('/tickets/deflect/shown',
        [service => 'other-question', article => $public[0], csrf => tk_client(undef)->csrf]);
    is($res->code, 403, 'anonymous: 403');
    is(scalar(deflection_rows('carl@acme.example', $since)), $before, 'nothing recorded');
    (undef, $res) = shown(tk_client('olivia@acme.example'), service => 'other-question', deflection => $filing,
        article => $public[0]);
    forget_filings_of('olivia@acme.example');
    is(deflection_row($filing)->{user_id}, 6, 'a colleague cannot add to carl\'s filing');
};

subtest 'submitting after the script: raised at once, tied to the filing' => sub {
    my ($doc, $res) = tk_post($carl, '/tickets/new/other-question',
        [subject => "The $word", description => "Still the $word.", suggested => 'script', deflection => $filing]);
    is($res->code, 303, 'raised, no page of articles');
    my ($n) = location_path($res) =~ m{^/tickets/(T-\d{4}-\d+)};
    forget_ticket($n);
    is(deflection_row($filing)->{ticket_id}, ticket_id($n), 'the filing raised it');

    my $mark = sql_value('SELECT MAX(id) FROM ticket_deflections');
    ($doc, $res) = tk_post($carl, '/tickets/new/other-question',
        [subject => "The $word", description => "Still the $word.", suggested => 'script']);
    is($res->code, 303, 'nothing shown by the script: raised at once too');
    ($n) = location_path($res) =~ m{^/tickets/(T-\d{4}-\d+)};
    forget_ticket($n);
    my @rows = deflection_rows('carl@acme.example', $mark);
    is(scalar @rows, 1, 'a filing');
    is("$rows[0]{via}/$rows[0]{shown_count}", 'script/0', 'by the script, nothing shown');
    is($rows[0]{ticket_id}, ticket_id($n), 'and its ticket');
};

subtest 'the figure per service' => sub {
    # One more filing that shows articles and raises nothing, answered.
    my ($doc) = shown($carl, service => 'other-question', article => $public[0]);
    my $answered = xp($doc, '/page/deflection/@id');
    my (undef, $res) = tk_post($carl, "/tickets/deflect/$answered/answered", []);
    is($res->code, 303, 'answered');

    my $sid = service_id('other-question');
    my $want = sql_rows("SELECT SUM(filings), SUM(with_suggestions), SUM(opened), SUM(answered), SUM(raised),"
        . " SUM(deflected) FROM ticket_deflection_daily WHERE service_id = $sid"
        . ' AND day >= UTC_DATE() - INTERVAL 30 DAY')->[0];
    my $mine = sql_rows("SELECT COUNT(*), SUM(shown_count > 0 AND ticket_id IS NULL) FROM ticket_deflections"
        . " WHERE service_id = $sid AND user_id = 6 AND id > $since")->[0];
    is($mine->[0], 3, 'carl\'s filings of the service in this test');
    is($mine->[1], 1, 'one of them deflected');

    my $agent = tk_client('agent@portico.example');
    ($doc, $res) = $agent->get_xml('/tickets/deflection');
    is($res->code, 200, 'agents: 200');
    my $row = "/page/deflection-figures/service[\@slug='other-question']";
    is_deeply([map { xp($doc, "$row/\@$_") } qw(filings with-suggestions opened answered raised deflected)],
        $want, 'the view\'s sums, last 30 days');
    is(xp($doc, '/page/deflection-figures/periods/@current'), '30', '30 days by default');
    ($doc) = $agent->get_xml('/tickets/deflection?days=7');
    is(xp($doc, '/page/deflection-figures/periods/@current'), '7', 'or 7');
    ($doc) = $agent->get_xml('/tickets/deflection?days=12');
    is(xp($doc, '/page/deflection-figures/periods/@current'), '30', 'an unknown period: 30');
    my $html = $agent->get('/tickets/deflection')->decoded_content;
    like($html, qr{<th scope="col" class="num">Deflection rate</th>}, 'the rate column');
    like($html, qr{\d+ %</td>}, 'a rate in percent');
    is(tk_client('manager@portico.example')->get('/tickets/deflection')->code, 200, 'managers: 200');
    is($carl->get('/tickets/deflection')->code, 403, 'customers: 403');
    is(tk_client(undef)->get('/tickets/deflection')->code, 303, 'anonymous: to sign in');
};

done_testing;
