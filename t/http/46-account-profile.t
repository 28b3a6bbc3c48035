# Saving the profile: name, phone, language, time zone, notifications.
# The change and its audit row (before and after) are written together;
# bad input answers 422 with a message per field and what was typed kept;
# a POST without the session's CSRF token changes nothing.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use JSON::PP ();
use Portico::Test;
use Portico::Account;

my $u = new_user();
my $c = Portico::Test->client(accept_language => 'en');
is($c->login($u->{email})->code, 303, 'signed in');

sub csrf_now { csrf_of(scalar $c->get_xml('/auth/account')) }

my %good = (name => 'Petra Profile', phone => '+49 (30) 1234-56', language => 'en',
    time_zone => 'Europe/Vienna', notify_tickets => 1, notify_news => 1);

# The good profile with some fields changed, and a token, as a form (one value per name).
# csrf => undef leaves the token out.
sub form_of {
    my %f = (%good, @_);
    $f{csrf} = csrf_now() unless exists $f{csrf};
    delete $f{csrf} unless defined $f{csrf};
    return [%f];
}

# Bodies are long: say only whether they match.
sub has { my ($body, $re, $name) = @_; ok($body =~ $re, $name) or diag("no match for $re") }
sub hasnt { my ($body, $re, $name) = @_; ok($body !~ $re, $name) or diag("unexpected match for $re") }

subtest 'a valid profile is saved, with its audit row' => sub {
    my $res = $c->post('/auth/account/profile', form_of());
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/account?saved=profile', 'back to the account page');
    my $row = sql_rows("SELECT name, phone, language, time_zone, notify_tickets, notify_orders, notify_news FROM users WHERE id = $u->{id}")->[0];
    is_deeply($row, ['Petra Profile', '+49 (30) 1234-56', 'en', 'Europe/Vienna', 1, 0, 1], 'stored');
    my ($a) = audit_rows($u->{id}, 'user.profile');
    ok($a, 'audit row user.profile');
    is($a->[1], $u->{id}, 'by the user');
    is($a->[6], '127.0.0.1', 'with the IP');
    my $before = JSON::PP::decode_json($a->[4]);
    my $after = JSON::PP::decode_json($a->[5]);
    is($before->{name}, $u->{name}, 'before: old name');
    is($before->{time_zone}, 'UTC', 'before: old zone');
    is($after->{name}, 'Petra Profile', 'after: new name');
    is($after->{notify_orders}, 0, 'after: notify_orders off');
    my $doc = $c->get_xml(location_path($res));
    ok(grep({ $_ eq 'account.profile.saved' } message_keys($doc)), 'success message');
    is(xp($doc, '/page/account/profile/name'), 'Petra Profile', 'the page shows the new name');
    is(xp($doc, '/page/session/user/name'), 'Petra Profile', 'and so does the header');
};

subtest 'an empty phone is stored as none' => sub {
    is($c->post('/auth/account/profile', form_of(phone => '  '))->code, 303, 'saved');
    is(sql_value("SELECT phone FROM users WHERE id = $u->{id}"), undef, 'phone NULL');
};

subtest 'bad input: 422, a message per field, the input kept' => sub {
    my @cases = (
        [{ name => '' }, 'name', 'account.name.required'],
        [{ name => 'x' x 201 }, 'name', 'account.name.invalid'],
        [{ phone => 'call me' }, 'phone', 'account.phone.invalid'],
        [{ phone => '1' x 41 }, 'phone', 'account.phone.invalid'],
        [{ language => 'fr' }, 'language', 'account.language.invalid'],
        [{ time_zone => 'Mars/Olympus' }, 'time_zone', 'account.time-zone.invalid'],
        [{ time_zone => '' }, 'time_zone', 'account.time-zone.invalid'],
        [{ notify_news => 'yes' }, 'notify_news', 'account.notify.invalid'],
    );
    for my $case (@cases) {
        my ($change, $field, $key) = @$case;
        my %f = (%good, name => 'Kept Name', %$change);
        my ($doc, $res) = $c->post_xml('/auth/account/profile', form_of(%f));
        my $what = "$field = " . substr($change->{$field}, 0, 20);
        is($res->code, 422, "$what: 422");
        is(xp($doc, '/page/@view'), 'account', "$what: the account page again");
        is(xp($doc, "/page/messages/message[\@field = '$field']/\@key"), $key, "$what: $key on $field");
        is(xp($doc, "/page/form[\@name = 'profile']/field[\@name = 'name']"), $f{name}, "$what: name kept");
        is(xp($doc, "/page/form[\@name = 'profile']/field[\@name = 'phone']"), $f{phone}, "$what: phone kept");
    }
    my ($doc, $res) = $c->post_xml('/auth/account/profile',
        [name => '', phone => 'nope', language => 'en', time_zone => 'Nowhere', csrf => csrf_now()]);
    is($res->code, 422, 'several bad fields: 422');
    is(xp_count($doc, '/page/messages/message[@kind = "error"]'), 3, 'a message for each');
    is(sql_value("SELECT name FROM users WHERE id = $u->{id}"), 'Petra Profile', 'nothing saved');

    my $html = $c->post('/auth/account/profile', form_of(phone => 'call me'));
    is($html->code, 422, 'HTML: 422');
    my $body = $html->decoded_content;
    has($body, qr{<input id="phone" name="phone" type="tel"[^>]*value="call me"}, 'HTML: the typed phone is in the field');
    has($body, qr{<p class="field-error" id="phone-error">}, 'HTML: the message next to the field');
    has($body, qr{aria-invalid="true"}, 'HTML: the field is marked invalid');
    has($body, qr{<a href="#phone">}, 'HTML: the summary links to the field');
};

subtest 'CSRF' => sub {
    my ($doc, $res) = $c->post_xml('/auth/account/profile', form_of(name => 'Mallory', csrf => undef));
    is($res->code, 403, 'no token: 403');
    is(xp($doc, '/page/@view'), 'forbidden', 'forbidden view');
    my $other = Portico::Test->client;
    $other->login('carl@acme.example');
    ($doc, $res) = $c->post_xml('/auth/account/profile', form_of(name => 'Mallory', csrf => csrf_of(scalar $other->get_xml('/'))));
    is($res->code, 403, "another session's token: 403");
    is(sql_value("SELECT name FROM users WHERE id = $u->{id}"), 'Petra Profile', 'unchanged');
};

subtest 'choosing Deutsch turns the pages German' => sub {
    my $res = $c->post('/auth/account/profile', form_of(language => 'de'));
    is($res->code, 303, 'saved');
    like(join(' ', $res->headers->header('Set-Cookie')), qr/portico_lang=de/, 'the language cookie follows');
    my $body = $c->get('/auth/account')->decoded_content;
    has($body, qr{<html[^>]* lang="de"}, 'lang="de"');
    has($body, qr{<h1[^>]*>Mein Konto</h1>}, 'German heading');
    has($body, qr{Profil speichern}, 'German button');
    is($c->post('/auth/account/profile', form_of(language => 'en'))->code, 303, 'back to English');
    like($c->get('/auth/account')->decoded_content, qr{<h1[^>]*>My account</h1>}, 'English again');
};

done_testing;
