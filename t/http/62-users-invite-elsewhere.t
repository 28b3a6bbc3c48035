# Inviting an address that belongs to another organisation does not tell
# the inviting org admin so: the answer is the one of any new invitation
# (303 to the users list, "Invitation sent."), nothing is created, moved
# or changed for the address's owner, and the owner gets a mail saying
# that someone of <org> tried to invite them. An address of the admin's own
# org (whose users the admin sees anyway) is still refused with 422.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my $anna = client_as('anna.admin@acme.example');
my $klaus = 'klaus@bergmann.example';
# Mails to klaus from earlier tests (his tickets) are not the notice.
Portico::Mail::clear(to => $klaus) if eval { require Portico::Mail; 1 };

# What the admin sees of an invitation: status, Location, body, header
# names, and the page the Location leads to (view, messages, form).
sub answer_to {
    my ($email) = @_;
    my ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => $email, name => 'Same Answer', role => role_id('customer_user')]);
    my %a = (
        code => $res->code,
        location => location_path($res),
        body => $res->content,
        headers => join(' ', sort grep { !/^(?:Client-|Date$)/ } $res->headers->header_field_names),
    );
    if ($res->code == 303) {
        my ($page) = $anna->get_xml($a{location});
        $a{view} = xp($page, '/page/@view');
        $a{messages} = join(' ', map { $_->getAttribute('kind') . ':' . $_->getAttribute('key') }
            $page->findnodes('/page/messages/message'));
    }
    return \%a;
}

sub snapshot {
    return sql_rows("SELECT u.id, u.org_id, u.name, u.status, u.language, u.password_hash,"
        . " (SELECT GROUP_CONCAT(role_id ORDER BY role_id) FROM user_roles WHERE user_id = u.id),"
        . " (SELECT COUNT(*) FROM user_tokens WHERE user_id = u.id)"
        . " FROM users u WHERE u.email = " . sql_quote($klaus));
}

my $fresh = lc(unique_tag('fresh') . '@example.com');
forget_user_at_end($fresh);
my $before = snapshot();
sql("DELETE FROM outbox WHERE to_email = " . sql_quote($klaus));

my ($want) = answer_to($fresh);
is($want->{code}, 303, 'a fresh address: 303');
is($want->{location}, '/auth/users?invited=1', 'to the users list');
is($want->{messages}, 'success:users.invited', '"Invitation sent."');
ok(user_row('email = ' . sql_quote($fresh)), 'the fresh address is invited');

for my $addr ($klaus, uc $klaus) {
    subtest "an address of another org: $addr" => sub {
        my ($got) = answer_to($addr);
        is_deeply($got, $want, 'the same answer as for a fresh address') or diag explain $got;
        is_deeply(snapshot(), $before, "klaus's row, roles and tokens are unchanged");
        is(sql_value("SELECT COUNT(*) FROM users WHERE email = " . sql_quote($klaus)), 1, 'still one klaus');
    };
}

subtest 'the owner is told' => sub {
    my @mails = outbox_for($klaus);
    is(scalar @mails, 2, 'one notice per attempt, nothing else');
    is($mails[0]{template}, 'invite-elsewhere', 'template invite-elsewhere');
    is($mails[0]{lang}, 'de', "in klaus's language");
    my $data = XML::LibXML->load_xml(string => $mails[0]{data});
    is(xp($data, '/data/org'), 'Acme Industrial Ltd', 'names the inviting org');
    unlike($mails[0]{data}, qr{token=}, 'carries no link that would do anything');
    SKIP: {
        skip 'no Portico::Mail (mail helpers) on this tree', 2 unless eval { require Portico::Mail; 1 };
        my $m = Portico::Mail::wait_for(to => $klaus, timeout => 30);
        ok($m, 'the notice arrived at the SMTP sink') or last;
        like(($m->{subject} // '') . ($m->{text} // ''), qr/Acme Industrial Ltd/, 'naming the org');
    }
    ok(!grep({ $_->{template} eq 'invite' } outbox_for($klaus)), 'no invitation to klaus');
};

subtest 'an address of her own org is refused as before' => sub {
    my ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => 'carl@acme.example', name => 'Dup', role => role_id('customer_user')]);
    is($res->code, 422, 'carl: 422');
    is(xp($doc, "/page/messages/message[\@field='email']/\@key"), 'users.email.taken', 'users.email.taken');
};

done_testing;
