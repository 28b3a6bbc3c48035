# German: chosen by Accept-Language (q-values honoured), by the portico_lang
# cookie the language switch sets, and by the user's profile (klaus has
# "de"), in that order of precedence profile > cookie > header. The German
# page shows the German strings of xslt/i18n/de.xml.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use HTTP::Date ();
use Test::More;
use XML::LibXML;
use Portico::Test;

my $DE = 'de-DE,de;q=0.9';

# The login.* strings of a catalogue: { key => text }.
sub catalogue {
    my ($lang) = @_;
    my $file = File::Spec->catfile(repo_dir(), 'xslt', 'i18n', "$lang.xml");
    my $doc = XML::LibXML->load_xml(location => $file);
    my %m;
    for my $n ($doc->findnodes('/catalog/msg')) {
        (my $t = $n->textContent) =~ s/\s+/ /g;
        $t =~ s/^ | $//g;
        $m{ $n->getAttribute('key') } = $t;
    }
    return \%m;
}

# Every piece of text a user sees or hears on a page: text nodes and the
# attributes that carry text, whitespace normalised.
sub visible_strings {
    my ($res) = @_;
    my $dom = XML::LibXML->load_html(string => $res->content, recover => 2, suppress_errors => 1);
    my %s;
    for my $n ($dom->findnodes('//text()[not(ancestor::script) and not(ancestor::style)]'
            . ' | //@value | //@placeholder | //@aria-label | //@title | //@alt')) {
        (my $t = $n->textContent) =~ s/\s+/ /g;
        $t =~ s/^ | $//g;
        $s{$t} = 1 if length $t;
    }
    return \%s;
}

my $en = catalogue('en');
my $de = catalogue('de');

# The login.* strings that differ between the languages and show on the
# English login page: each must show in German on the German page.
my $en_page = Portico::Test->client(accept_language => 'en')->get('/auth/login');
my $en_seen = visible_strings($en_page);
my @keys = grep {
    /^login\./ && defined $de->{$_} && $de->{$_} ne $en->{$_} && $en_seen->{ $en->{$_} }
} sort keys %$en;
ok(scalar @keys, 'the English login page shows login.* strings that have German translations: '
    . join(', ', @keys));

sub is_german {
    my ($c, $path, $what) = @_;
    my $doc = $c->get_xml($path);
    is(xp($doc, '/page/@lang'), 'de', "$what: page lang de");
    my $res = $c->get($path);
    like($res->decoded_content, qr{<html[^>]*\blang="de"}, "$what: <html lang=\"de\">");
    if ($path eq '/auth/login') {
        my $seen = visible_strings($res);
        for my $k (@keys) {
            ok($seen->{ $de->{$k} }, "$what: shows '$de->{$k}' ($k)");
            ok(!$seen->{ $en->{$k} }, "$what: not '$en->{$k}'");
        }
    }
}

sub is_english {
    my ($c, $path, $what) = @_;
    is(xp(scalar $c->get_xml($path), '/page/@lang'), 'en', "$what: page lang en");
}

subtest 'Accept-Language' => sub {
    is_german(Portico::Test->client(accept_language => $DE), '/auth/login', $DE);
    is_german(Portico::Test->client(accept_language => 'fr-FR, de;q=0.5, en;q=0.4'), '/auth/login', 'q-values pick de');
    is_english(Portico::Test->client(accept_language => 'de;q=0.1, en;q=0.9'), '/auth/login', 'q-values pick en');
    is_english(Portico::Test->client(accept_language => 'fr, it'), '/auth/login', 'unsupported falls back to en');
    is_english(Portico::Test->client, '/auth/login', 'no header');
};

subtest 'profile language wins over Accept-Language' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    is($c->login('klaus@bergmann.example', DEMO_PASSWORD)->code, 303, 'klaus logged in');
    is_german($c, '/', 'klaus with Accept-Language en');
    is(xp(scalar $c->get_xml('/'), '/page/session/user/email'), 'klaus@bergmann.example', 'as klaus');
};

subtest 'language switch, anonymous' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    is_english($c, '/auth/login', 'before');
    my $res = $c->post('/auth/language', [lang => 'de', csrf => $c->csrf, next => '/auth/login']);
    is($res->code, 303, 'POST /auth/language is 303');
    is(location_path($res), '/auth/login', 'back to next');
    my $lc = set_cookies($res)->{portico_lang};
    ok($lc, 'portico_lang cookie set') or return;
    is($lc->{value}, 'de', 'to de');
    is($lc->{attrs}{path}, '/', 'Path=/');
    is(lc($lc->{attrs}{samesite} // ''), 'lax', 'SameSite=Lax');
    my $life = defined $lc->{attrs}{'max-age'} ? $lc->{attrs}{'max-age'}
        : defined $lc->{attrs}{expires} ? (HTTP::Date::str2time($lc->{attrs}{expires}) // 0) - time : 0;
    cmp_ok($life, '>', 300 * 86400, 'kept about a year');
    is_german($c, '/auth/login', 'after switching');

    $res = $c->post('/auth/language', [lang => 'en', csrf => $c->csrf, next => '/auth/login']);
    is($res->code, 303, 'switch back');
    is_english($c, '/auth/login', 'after switching back');

    $res = $c->post('/auth/language', [lang => 'xx', csrf => $c->csrf, next => '/auth/login']);
    cmp_ok($res->code, '<', 500, 'an unknown language is no server error');
    is_english($c, '/auth/login', 'and changes nothing');
};

# carl switches while logged in: saved to his profile (users.language).
my $carl = 'carl@acme.example';
my ($carl_lang, $restore_carl);
eval { $carl_lang = sql_value('SELECT language FROM users WHERE email = ' . sql_quote($carl)); $restore_carl = 1 }
    or diag("cannot read carl's profile language: $@");

subtest 'language switch, logged in, goes to the profile' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    is($c->login($carl, DEMO_PASSWORD)->code, 303, 'carl logged in');
    is_english($c, '/', 'before');
    my $res = $c->post('/auth/language', [lang => 'de', csrf => $c->csrf, next => '/']);
    is($res->code, 303, 'switch to de');
    is(location_path($res), '/', 'back to next');
    is_german($c, '/', 'start page after switching');
    is(sql_value('SELECT language FROM users WHERE email = ' . sql_quote($carl)), 'de', 'profile says de');

    my $other = Portico::Test->client(accept_language => 'en');    # another browser, no lang cookie
    is($other->login($carl, DEMO_PASSWORD)->code, 303, 'carl logs in elsewhere');
    is_german($other, '/', 'German there too');

    $res = $c->post('/auth/language', [lang => 'en', csrf => $c->csrf, next => '/']);
    is($res->code, 303, 'switch back to en');
    is(sql_value('SELECT language FROM users WHERE email = ' . sql_quote($carl)), 'en', 'profile says en');
};

END {
    if ($restore_carl) {
        eval { sql('UPDATE users SET language = ' . sql_quote($carl_lang) . ' WHERE email = ' . sql_quote($carl)) };
    }
}

done_testing;
