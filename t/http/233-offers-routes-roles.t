# Every route of offers and contracts, for every kind of person, from a
# table: anonymous readers are sent to the login (a POST without a session
# has no CSRF token: 403); a missing permission is 403; another
# organisation's offer, contract or file is 404, as is a draft for the
# customer; a POST without its CSRF token is 403 even for those allowed.
# POSTs carry values that change nothing (422) where the person may send
# them.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Offers;
use Portico::Orders qw(or_route_table);
use Portico::OrgAdmin ();

my ($bm_id, $bm_email) = Portico::OrgAdmin::make_user(org => BERGMANN, roles => ['customer_admin']);
my @who = (
    [anon    => undef],
    [agent   => 'agent@portico.example'],      # provider, no contracts.manage
    [manager => MANAGER],                      # contracts.manage
    [admin   => 'admin@portico.example'],      # contracts.manage
    [klaus   => 'klaus@bergmann.example'],     # Bergmann customer_user: nothing of this
    [bmadmin => $bm_email],                    # Bergmann customer_admin: approve, read.org
    [carl    => CARL],                         # Acme buyer: read.org
    [olivia  => OLIVIA],                       # Acme approver: approve, read.org
    [anna    => ANNA],                         # Acme customer_admin: approve, read.org
    [paula   => 'paula@northwind.example'],    # Northwind partner: read.org
);
my %client = map { $_->[0] => or_client($_->[1]) } @who;

# An offer of Acme, sent, with a file; a draft; and what Acme's admin made of another.
my $sent = of_create(title => of_prefix() . ' routes');
of_line($sent, name => 'Set-up', unit => 'piece', price => '10');
or_upload(of_staff(), "/orders/admin/offers/$sent/files", [file => ['a.txt', "a\n", 'text/plain']]);
of_send($sent);
my $draft = of_create(title => of_prefix() . ' routes draft');
my $fid = sql_value('SELECT f.id FROM offer_files f JOIN offers o ON o.id = f.offer_id WHERE o.number = ' . sql_quote($sent));
my $accepted = of_create(title => of_prefix() . ' routes accepted');
of_line($accepted, kind => 'recurring', billing => 'year', name => 'Support', unit => 'year', price => '10');
of_send($accepted);
my (undef, $r) = or_post($client{anna}, "/orders/offers/$accepted/accept", [sha256 => of_sha($accepted), confirm => 1]);
die 'accepting: ' . $r->code unless $r->code == 303;
my $contract = sql_value('SELECT c.number FROM contracts c JOIN offers o ON o.id = c.offer_id WHERE o.number = ' . sql_quote($accepted));
my $before = of_snapshot($sent);

my %staff = (manager => 200, admin => 200);
my %staff_post = (anon => 403, manager => 422, admin => 422);
my @routes = (
    [GET => '/orders/admin/offers', undef, { anon => 303, %staff }, 403],
    [GET => '/orders/admin/offers/new', undef, { anon => 303, %staff }, 403],
    [GET => "/orders/admin/offers/$sent", undef, { anon => 303, %staff }, 403],
    [GET => "/orders/admin/offers/$draft", undef, { anon => 303, %staff }, 403],
    [GET => '/orders/admin/offers/Q-1999-999999', undef, { anon => 303, manager => 404, admin => 404 }, 403],
    [GET => "/orders/admin/offers/$sent/files/$fid", undef, { anon => 303, %staff }, 403],
    [GET => '/orders/admin/contracts', undef, { anon => 303, %staff }, 403],
    [GET => "/orders/admin/contracts/$contract", undef, { anon => 303, %staff }, 403],
    [POST => '/orders/admin/offers', [org => '', title => ''], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$draft", [title => ''], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$sent", [title => ''], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$draft/lines", [kind => ''], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$sent/lines/1/delete", [], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$draft/send", [], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$draft/revise", [], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$sent/files/$fid/delete", [], { %staff_post }, 403],
    [POST => "/orders/admin/offers/$draft/files", [], { %staff_post }, 403],
    [GET => '/orders/offers', undef, { anon => 303, bmadmin => 200, olivia => 200, anna => 200 }, 403],
    [GET => "/orders/offers/$sent", undef, { anon => 303, bmadmin => 404, olivia => 200, anna => 200 }, 403],
    [GET => "/orders/offers/$draft", undef, { anon => 303, bmadmin => 404, olivia => 404, anna => 404 }, 403],
    [GET => "/orders/offers/$sent/files/$fid", undef, { anon => 303, bmadmin => 404, olivia => 200, anna => 200 }, 403],
    [POST => "/orders/offers/$sent/accept", [sha256 => '', confirm => 1],
        { anon => 403, bmadmin => 404, olivia => 422, anna => 422 }, 403],
    [POST => "/orders/offers/$sent/decline", [reason => ''],
        { anon => 403, bmadmin => 404, olivia => 422, anna => 422 }, 403],
    [POST => "/orders/offers/$draft/decline", [reason => 'x'],
        { anon => 403, bmadmin => 404, olivia => 404, anna => 404 }, 403],
    [GET => '/orders/contracts', undef,
        { anon => 303, bmadmin => 200, carl => 200, olivia => 200, anna => 200, paula => 200 }, 403],
    [GET => "/orders/contracts/$contract", undef,
        { anon => 303, bmadmin => 404, carl => 200, olivia => 200, anna => 200, paula => 404 }, 403],
);

or_route_table(\@who, \@routes);
is(of_snapshot($sent), $before, 'the sent offer is as it was');
is(of_row($draft)->{status}, 'draft', 'the draft is still a draft');
is(scalar @{ of_lines(of_row($draft)->{id}) }, 0, '... without lines');

done_testing;
