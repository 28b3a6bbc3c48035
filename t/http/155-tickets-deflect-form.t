# Deflection without JavaScript: the first submit of a valid service form
# whose subject and description match knowledge base articles comes back
# (200, view "deflect") with those articles the reader may read, and no
# ticket is raised yet; the filing is recorded (user, org, service, via
# 'form', the articles shown in order).  "Raise the ticket anyway" sends
# the page's hidden fields - every value of the form, both options of a
# multiple choice - and raises the ticket from them, tied to the filing;
# a file must be chosen again (the page names it) and is then attached.
# "My question is answered" records it and raises nothing.  Opening an
# article goes through /tickets/deflect/<id>/open/<article>, recorded the
# first time, only for one's own filing and its articles (else 404).  A
# form nothing matches is raised at once, its filing showing nothing; an
# invalid one is 422 as before and records nothing.  CSRF on every POST.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use HTTP::Request::Common ();
use POSIX qw(strftime);
use Portico::Test;
use Portico::KB;
use Portico::Tickets;
use Portico::Survey;

my $word = made_up_word();
my $other = made_up_word();	# in no article: the description adds nothing to find
my $kb = kb_articles_with($word, 2, internal => 1, draft => 1);
my @public = @{ $kb->{public} };
my $carl = tk_client('carl@acme.example');
my $tickets = sub { sql_value('SELECT COUNT(*) FROM tickets WHERE requester_id = 6') };
my $last_filing = sql_value('SELECT COALESCE(MAX(id), 0) FROM ticket_deflections');
forget_filings_of('carl@acme.example', 'olivia@acme.example');

# The new-user form with a multiple choice of two, matching the word.
my $start = strftime('%Y-%m-%d', gmtime(time + 7 * 86400));
my @new_user = (
    subject       => "Access to the $word for a newcomer",
    description   => "The $word $other.\n$other \"$other\" & <$other>.",
    'f-full-name' => 'Nora Neu',
    'f-start-date' => $start,
    'f-manager'   => 'Carl Customer',
    'f-role'      => 'staff',
    'f-systems'   => 'erp',
    'f-systems'   => 'vpn',
);

# POST the form as a browser does (multipart, HTML answer).
sub post_html {
    my ($c, $path, $pairs, %o) = @_;
    my @form = (@$pairs, csrf => tk_csrf($c));
    my @files = @{ $o{files} // [] };
    while (my ($field, $f) = splice(@files, 0, 2)) {
        push @form, $field => [undef, $f->[0], 'Content-Type' => 'application/octet-stream', Content => $f->[1]];
    }
    return $c->request(HTTP::Request::Common::POST(base_url() . $path, Content_Type => 'form-data',
        Content => \@form));
}

my $filing;
subtest 'first submit: the articles, nothing raised' => sub {
    my $before = $tickets->();
    my ($doc, $res) = tk_post($carl, '/tickets/new/new-user', [@new_user]);
    is($res->code, 200, '200, not a redirect');
    is(xp($doc, '/page/@view'), 'deflect', 'view deflect');
    is(xp($doc, '/page/deflect/@state'), 'offer', 'the offer');
    my @ids = xp_list($doc, '/page/deflect/articles/article/@id');
    is_deeply([@ids[0, 1]], \@public, 'the word\'s articles first, the best one first');
    ok(!grep({ $_ == $kb->{internal} || $_ == $kb->{draft} } @ids), 'no internal article, no draft');
    ok(@ids <= 5, 'at most five');
    $filing = xp($doc, '/page/deflect/@id');
    like($filing, qr/^\d+$/, 'the filing');
    is(xp($doc, "/page/deflect/articles/article[1]/\@href"), "/tickets/deflect/$filing/open/$public[0]",
        'links through the opening record');
    is(xp($doc, '/page/deflect/@answered-action'), "/tickets/deflect/$filing/answered", 'answered form');
    is($tickets->(), $before, 'no ticket yet');

    my @rows = deflection_rows('carl@acme.example', $last_filing);
    is(scalar @rows, 1, 'one filing recorded');
    my $f = $rows[0];
    is($f->{id}, $filing, 'the page\'s');
    is("$f->{user_id}/$f->{org_id}/$f->{service_id}", '6/2/' . service_id('new-user'), 'user, org, service');
    is($f->{via}, 'form', 'shown on the page after submitting');
    is($f->{shown_count}, scalar @ids, 'each shown one counted');
    ok(!defined $f->{ticket_id}, 'no ticket');
    is_deeply([map { "$_->[0]:$_->[1]" } @{ deflection_articles($filing) }],
        [map { "$ids[$_]:$_" } 0 .. $#ids], 'the articles shown, in order');

    my @values = xp_list($doc, "/page/form[\@name='ticket']/field[\@name='f-systems']");
    is_deeply(\@values, ['erp', 'vpn'], 'both choices kept');
};

subtest 'the page in HTML: hidden fields hold every value' => sub {
    my $res = post_html($carl, '/tickets/new/new-user', [@new_user]);
    is($res->code, 200, 'status 200');
    my $html = $res->decoded_content;
    like($html, qr{<h1>These articles may answer your question</h1>}, 'heading');
    like($html, qr{<button type="submit" class="btn btn-primary">My question is answered</button>}, 'answered button');
    like($html, qr{Raise the ticket anyway}, 'raise anyway button');
    my @hidden = hidden_inputs($html, '/tickets/new/new-user');
    my %h;
    push @{ $h{$_->[0]} }, $_->[1] for @hidden;
    my %want = (@new_user);
    for my $name (grep { $_ ne 'f-systems' } keys %want) {
        is_deeply($h{$name}, [$want{$name}], "hidden $name");
    }
    is_deeply($h{'f-systems'}, ['erp', 'vpn'], 'hidden f-systems twice');
    like($h{deflection}[0], qr/^\d+$/, 'the filing\'s id');
    is(scalar @{ $h{csrf} }, 1, 'the token');

    # "Raise the ticket anyway": exactly what the page holds.
    my $before = $tickets->();
    my @pairs = map { @$_ } grep { $_->[0] ne 'csrf' } @hidden;
    my ($doc, $r2) = tk_post($carl, '/tickets/new/new-user', \@pairs);
    is($r2->code, 303, 'raised');
    my ($number) = location_path($r2) =~ m{^/tickets/(T-\d{4}-\d+)\?created=1$};
    ok($number, 'to the new ticket');
    forget_ticket($number);
    is($tickets->(), $before + 1, 'one ticket');
    my $t = ticket_row($number);
    is($t->{subject}, "Access to the $word for a newcomer", 'subject');
    is((message_rows($number))[0]{body}, $want{description}, 'description, line breaks and all');
    my %a;
    push @{ $a{$_->[0]} }, $_->[1] for @{ sql_rows('SELECT f.name, a.value FROM ticket_answers a'
        . " JOIN ticket_fields f ON f.id = a.field_id WHERE a.ticket_id = $t->{id} ORDER BY f.position, a.position") };
    is_deeply(\%a, { 'full-name' => ['Nora Neu'], 'start-date' => [$start], manager => ['Carl Customer'],
        role => ['staff'], systems => ['erp', 'vpn'] }, 'every answer, both choices');
    my $f = deflection_row($h{deflection}[0]);
    is($f->{ticket_id}, $t->{id}, 'the filing knows the ticket it raised');
    is(scalar(deflection_rows('carl@acme.example', $h{deflection}[0])), 0, 'no second filing');

    ($doc, $r2) = tk_post($carl, '/tickets/new/new-user', \@pairs);
    is(xp($doc, '/page/deflect/@state'), 'offer', 'the same page sent again: its filing has its ticket, so a new offer');
};

subtest 'opening an article' => sub {
    my $res = $carl->get("/tickets/deflect/$filing/open/$public[1]");
    is($res->code, 303, 'status 303');
    is(location_path($res), "/kb/articles/$public[1]", 'to the article');
    my $f = deflection_row($filing);
    is($f->{opened_count}, 1, 'recorded');
    is_deeply([map { $_->[2] } grep { $_->[2] } @{ deflection_articles($filing) }], [1], 'one opened');
    is(sql_value("SELECT opened_at IS NOT NULL FROM ticket_deflection_articles WHERE deflection_id = $filing"
        . " AND article_id = $public[1]"), 1, 'that one');
    $carl->get("/tickets/deflect/$filing/open/$public[1]");
    is(deflection_row($filing)->{opened_count}, 1, 'the first opening counts');
    is($carl->get("/tickets/deflect/$filing/open/$kb->{internal}")->code, 404, 'an article not shown: 404');
    is(tk_client('olivia@acme.example')->get("/tickets/deflect/$filing/open/$public[0]")->code, 404,
        'a colleague\'s filing: 404');
    my $anon = tk_client(undef)->get("/tickets/deflect/$filing/open/$public[0]");
    is($anon->code, 303, 'anonymous: to sign in');
    like(location_path($anon), qr{^/auth/login}, 'the login page');
    is(deflection_row($filing)->{opened_count}, 1, 'nothing else counted');
};

subtest 'my question is answered' => sub {
    my $before = $tickets->();
    my ($doc) = tk_post($carl, '/tickets/new/new-user', [@new_user]);
    my $id = xp($doc, '/page/deflect/@id');
    ok($id, 'another filing');
    my ($d2, $res) = $carl->post_xml("/tickets/deflect/$id/answered", []);
    is($res->code, 403, 'without the token: 403');
    ok(!defined deflection_row($id)->{answered_at}, 'nothing recorded');
    ($d2, $res) = tk_post(tk_client('olivia@acme.example'), "/tickets/deflect/$id/answered", []);
    is($res->code, 404, 'a colleague\'s: 404');
    ($d2, $res) = tk_post($carl, "/tickets/deflect/$id/answered", []);
    is($res->code, 303, 'status 303');
    is(location_path($res), "/tickets/deflect/$id?done=answered", 'to the filing');
    ok(defined deflection_row($id)->{answered_at}, 'recorded');
    is($tickets->(), $before, 'nothing raised');
    my ($page, $r) = $carl->get_xml("/tickets/deflect/$id?done=answered");
    is($r->code, 200, 'the filing\'s page');
    is(xp($page, '/page/deflect/@state'), 'answered', 'answered');
    is(xp($page, '/page/messages/message/@key'), 'tickets.deflect.done.answered', 'thanks');
    is(xp($page, '/page/deflect/articles/article[1]/@id'), $public[0], 'the articles again');
    is(tk_client('olivia@acme.example')->get("/tickets/deflect/$id")->code, 404, 'not a colleague\'s page');
};

subtest 'files are chosen again' => sub {
    my $png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";
    my @form = @{ tk_printer_form(subject => "Printer shows $word", description => "The $word blinks.") };
    my $res = post_html($carl, '/tickets/new/printer-fault', \@form, files => ['f-photo' => ['blink.png', $png]]);
    is($res->code, 200, 'the offer');
    my $html = $res->decoded_content;
    like($html, qr{<input type="file" id="f-photo" name="f-photo"}, 'the file field again');
    like($html, qr{You had chosen blink\.png\.}, 'naming the file chosen');
    my $stored = sql_value('SELECT COUNT(*) FROM ticket_attachments');
    my @pairs = map { @$_ } grep { $_->[0] ne 'csrf' } hidden_inputs($html, '/tickets/new/printer-fault');
    my ($doc, $r2) = tk_post($carl, '/tickets/new/printer-fault', \@pairs, files => ['f-photo' => ['blink.png', $png]]);
    is($r2->code, 303, 'raised with the file');
    my ($number) = location_path($r2) =~ m{^/tickets/(T-\d{4}-\d+)};
    forget_ticket($number);
    is(sql_value('SELECT COUNT(*) FROM ticket_attachments') - $stored, 1, 'the file is stored once, now');
    is(sql_value('SELECT a.value FROM ticket_answers a JOIN tickets t ON t.id = a.ticket_id'
        . ' JOIN ticket_fields f ON f.id = a.field_id WHERE f.name = \'photo\' AND t.number = '
        . sql_quote($number)), 'blink.png', 'the answer is the file');
};

subtest 'nothing matches: raised at once' => sub {
    my $nothing = made_up_word();
    my $since = sql_value('SELECT COALESCE(MAX(id), 0) FROM ticket_deflections');
    my ($doc, $res) = tk_post($carl, '/tickets/new/other-question',
        [subject => "$nothing $nothing", description => "$nothing."]);
    is($res->code, 303, 'raised');
    my ($number) = location_path($res) =~ m{^/tickets/(T-\d{4}-\d+)};
    forget_ticket($number);
    my @rows = deflection_rows('carl@acme.example', $since);
    is(scalar @rows, 1, 'a filing');
    is($rows[0]{shown_count}, 0, 'nothing shown');
    is($rows[0]{ticket_id}, ticket_id($number), 'raised');
    is($rows[0]{via}, 'form', 'without the script');
};

subtest 'an invalid form is refused as before' => sub {
    my $since = sql_value('SELECT COALESCE(MAX(id), 0) FROM ticket_deflections');
    my @bad = @new_user;
    $bad[11] = 'nonsense';	# f-role
    my ($doc, $res) = tk_post($carl, '/tickets/new/new-user', \@bad);
    is($res->code, 422, 'status 422');
    is(xp($doc, '/page/@view'), 'new', 'the form');
    is(scalar(deflection_rows('carl@acme.example', $since)), 0, 'no filing');
    ($doc, $res) = tk_post($carl, '/tickets/new/new-user', [@new_user], no_csrf => 1);
    is($res->code, 403, 'no token: 403');
    is(scalar(deflection_rows('carl@acme.example', $since)), 0, 'still none');
};

done_testing;
