# Customer onboarding (processes/customer-onboarding.bpmn), what the auth
# worker asks of flowd: creating a customer org starts its onboarding in
# the same transaction (business key and org: the new org's id; its name,
# language and the admin the form names), with or without an admin; a
# partner org starts none.  The new org form offers the admin's name and
# address (en/de), and refuses with 422, the input kept, an admin without
# a name or a valid address, an address someone has, and an admin for a
# partner org.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Portico::Test;
use Portico::Provider;
use Portico::ProcessCases;

my $KEY = 'customer-onboarding';
my $c = login_as('admin@portico.example');
my $admin_id = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");

sub create {
    my (%f) = @_;
    my %form = (kind => 'customer', tier => '', currency => 'EUR', language => 'en', order_limit => '',
        monthly_limit => '', %f);
    my $res = $c->post('/auth/admin/orgs/new', [csrf => $c->csrf, %form]);
    my $id = sql_value('SELECT id FROM orgs WHERE name = ' . sql_quote(encode_utf8($f{name})));
    track(org => $id) if defined $id;
    return ($res, $id);
}

subtest 'the form offers the admin to invite' => sub {
    my ($doc, $res) = $c->get_xml('/auth/admin/orgs/new');
    is($res->code, 200, 'the new org form');
    is(xp_count($doc, "/page/form[\@name='org']/field[\@name='admin_name' or \@name='admin_email']"), 2,
        'with the admin fields');
    my $html = $c->get('/auth/admin/orgs/new')->decoded_content;
    like($html, qr{<legend>Its admin</legend>}, 'a fieldset "Its admin"');
    like($html, qr{<label for="admin_email">Admin's email address</label>}, 'labelled');
    my $was = sql_value("SELECT language FROM users WHERE id = $admin_id");
    sql("UPDATE users SET language = 'de' WHERE id = $admin_id");
    my $de = login_as('admin@portico.example');
    my $german = $de->get('/auth/admin/orgs/new')->decoded_content;
    sql('UPDATE users SET language = ' . (defined $was ? sql_quote($was) : 'NULL') . " WHERE id = $admin_id");
    like($german, qr{<label for="admin_email">E-Mail-Adresse des Admins</label>}, 'in German');
    my $any = sql_value("SELECT MIN(id) FROM orgs WHERE kind = 'customer'");
    unlike($c->get("/auth/admin/orgs/$any")->decoded_content, qr{name="admin_email"}, 'not on the edit form');
};

subtest 'a customer org with its admin starts the onboarding' => sub {
    my $name = unique_tag('Onboard Org') . ' & Söhne';
    my $email = lc(unique_tag('boss')) . '@onboard.example';
    my ($res, $id) = create(name => $name, language => 'de', admin_name => ' Bea Boss ',
        admin_email => "  \U$email\E ");
    is($res->code, 303, 'created');
    ok($id, 'the org exists') or return;
    my ($cmd) = grep { $_->{kind} eq 'start' } flow_commands($id);
    my $i = flow_instance($KEY, $id);
    ok($cmd || $i, 'the onboarding was asked for, on the org id') or return;
    if ($cmd) {
        is($cmd->{process_key}, $KEY, 'of customer-onboarding');
        is($cmd->{org_id}, $id, 'for the org');
        is($cmd->{user_id}, $admin_id, 'by the admin');
    } else {
        is($i->{org_id}, $id, 'the instance is the org\'s');
        is($i->{started_by}, $admin_id, 'started by the admin');
    }
    my $v = flow_asked($KEY, $id);
    is($v->{org_id}, $id, 'org_id');
    is($v->{org_name}, $name, 'org_name');
    is($v->{language}, 'de', 'language');
    is($v->{admin_name}, 'Bea Boss', 'admin_name, trimmed');
    is($v->{admin_email}, $email, 'admin_email, trimmed and in lower case');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'user.invite' AND org_id = $id"
        . " AND user_id IS NOT NULL"), 0, 'nobody is invited by the form: the process invites');
    # The process's invitee goes with the org (t/http/298-onboarding-flow.t follows it).
    my $u;
    wait_until(20, sub { $u = sql_value('SELECT id FROM users WHERE email = ' . sql_quote($email)) })
        if flowd_built();
    track(user => $u) if $u;
};

subtest 'without an admin: started all the same; a partner: none' => sub {
    my ($res, $id) = create(name => unique_tag('Quiet Org'));
    is($res->code, 303, 'a customer org without admin');
    my $v = flow_asked($KEY, $id);
    ok($v, 'its onboarding was asked for') or return;
    is($v->{admin_email}, '', 'with no admin');
    ($res, $id) = create(name => unique_tag('Partner Org'), kind => 'partner');
    is($res->code, 303, 'a partner org');
    is(scalar flow_commands($id), 0, 'no command');
    ok(!flow_instance($KEY, $id), 'no onboarding');
};

subtest 'a bad admin: 422, the input kept, nothing made' => sub {
    my $taken = 'carl@acme.example';
    my @cases = (
        [{ admin_name => 'No Address' }, 'admin_email', 'users.email.required'],
        [{ admin_email => 'x@onboard.example' }, 'admin_name', 'users.name.required'],
        [{ admin_name => 'Bad', admin_email => 'not-an-address' }, 'admin_email', 'users.email.invalid'],
        [{ admin_name => 'Taken', admin_email => uc $taken }, 'admin_email', 'org.admin.taken'],
        [{ admin_name => 'n' x 201, admin_email => 'y@onboard.example' }, 'admin_name', 'users.name.invalid'],
        [{ admin_name => 'P', admin_email => 'p@onboard.example', kind => 'partner' }, 'admin_email',
            'org.admin.customer-only'],
    );
    my $orgs = sql_value('SELECT COUNT(*) FROM orgs');
    my $commands = sql_value('SELECT COUNT(*) FROM flow_commands');
    for my $case (@cases) {
        my ($f, $field, $key) = @$case;
        my $name = unique_tag('Refused Org');
        my %form = (name => $name, kind => 'customer', currency => 'EUR', language => 'en', %$f);
        my $res = $c->post('/auth/admin/orgs/new?format=xml', [csrf => $c->csrf, %form]);
        is($res->code, 422, "$key: 422");
        my $doc = xml_of($res);
        is(xp($doc, "/page/messages/message[\@field='$field']/\@key"), $key, "$key: on $field");
        is(xp($doc, "/page/form[\@name='org']/field[\@name='name']"), $name, "$key: the name kept");
        is(xp($doc, "/page/form[\@name='org']/field[\@name='admin_email']"), $f->{admin_email} // '',
            "$key: the address kept");
    }
    is(sql_value('SELECT COUNT(*) FROM orgs'), $orgs, 'no org made');
    is(sql_value('SELECT COUNT(*) FROM flow_commands'), $commands, 'nothing asked of flowd');
    my $res = $c->post('/auth/admin/orgs/new', [name => unique_tag('No Csrf'), kind => 'customer', currency => 'EUR',
        language => 'en']);
    is($res->code, 403, 'without the CSRF token: 403');
};

done_testing;
