# A failed login: 422, the form again with the email typed, one message for
# every kind of failure (no user enumeration), no session, password never echoed.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use XML::LibXML;

my $tag      = unique_tag('fail');
my $unknown  = "$tag\@nowhere.example";
my $xss      = qq{<b>"x"&'$tag</b>\@acme.example};
my $password = "Wr0ng-Pa55-$tag";
my @emails   = ('carl@acme.example', 'editor@portico.example', $unknown, $xss, '');

# Signature of the messages on a page: kind/key/field, order kept.
sub message_sig {
    my ($doc) = @_;
    return join '|', map {
        join ',', $_->getAttribute('kind') // '', $_->getAttribute('key') // '', $_->getAttribute('field') // ''
    } $doc->findnodes('/page/messages/message');
}

sub failed_login {
    my ($email, $pw) = @_;
    my $c = Portico::Test->client;
    my ($doc, $res) = $c->post_xml('/auth/login',
        [email => $email, password => $pw, csrf => $c->csrf]);
    my $html = $c->login($email, $pw);
    return ($doc, $res, $html);
}

my %sig;
for my $case (['wrong password', 'carl@acme.example'], ['unknown email', $unknown]) {
    my ($name, $email) = @$case;
    subtest $name => sub {
        my ($doc, $res, $html) = failed_login($email, $password);
        is($res->code, 422, 'status 422');
        ok($doc, 'XML answer parses') or return;
        is(xp($doc, '/page/@view'), 'login', 'login view again');
        is(xp($doc, '/page/@status'), '422', 'page status 422');
        ok(grep({ $_ eq 'login.failed' } message_keys($doc)), 'message login.failed');
        is(xp($doc, "/page/form/field[\@name='email']"), $email, 'email re-displayed as typed');
        is(xp_count($doc, "/page/form/field[\@name='password']"), 0, 'no password field in the form data');
        is(xp_count($doc, '/page/session/user'), 0, 'not logged in');
        unlike($res->content, qr/\Q$password\E/, 'password not in the XML');

        is($html->code, 422, 'HTML answer is 422 too');
        unlike($html->decoded_content, qr/\Q$password\E/, 'password not in the HTML');
        like($html->decoded_content, qr{<input(?=[^>]*name="email")(?=[^>]*value="\Q$email\E")[^>]*>},
            'HTML email input keeps the value');
        ok(!set_cookies($html)->{portico_session} || cookie_is_cleared(set_cookies($html)->{portico_session}),
            'no session cookie issued');
        $sig{$name} = message_sig($doc);
    };
}

is($sig{'wrong password'}, $sig{'unknown email'},
    'wrong password and unknown email give the same messages (no enumeration)');

subtest 'markup in the email is escaped, not rendered' => sub {
    my ($doc, $res, $html) = failed_login($xss, $password);
    is($res->code, 422, 'status 422');
    is(xp($doc, "/page/form/field[\@name='email']"), $xss, 'XML keeps the exact text');
    my $dom = XML::LibXML->load_html(string => $html->content, recover => 2, suppress_errors => 1);
    is(xp_count($dom, qq{//b[contains(., '$tag')]}), 0, 'no <b> element made from the input');
    is($dom->findvalue('//input[@name="email"]/@value'), $xss, 'the input shows exactly what was typed');
};

subtest 'empty form' => sub {
    my ($doc, $res, $html) = failed_login('', '');
    is($res->code, 422, 'status 422');
    ok(scalar message_keys($doc), 'at least one message');
    is(xp_count($doc, '/page/session/user'), 0, 'not logged in');
};

subtest 'near-miss passwords are rejected' => sub {
    my $c = Portico::Test->client;
    for my $pw (DEMO_PASSWORD . 'x', substr(DEMO_PASSWORD, 0, -1), uc DEMO_PASSWORD, ' ' . DEMO_PASSWORD) {
        my ($doc, $res) = $c->post_xml('/auth/login',
            [email => 'editor@portico.example', password => $pw, csrf => $c->csrf]);
        is($res->code, 422, "password '$pw' is rejected");
        is(xp_count($doc, '/page/session/user'), 0, 'not logged in') if $doc;
    }
};

subtest 'failures are recorded for throttling' => sub {
    is(sql_value('SELECT COUNT(*) FROM login_attempts WHERE email = ' . sql_quote($unknown) . ' AND success = 0'),
        2, 'two failed attempts recorded for the unknown email (XML + HTML try)');
};

END {
    eval {
        sql('DELETE FROM login_attempts WHERE success = 0 AND email IN ('
            . join(',', map { sql_quote($_) } @emails) . ')');
    };
}

done_testing;
