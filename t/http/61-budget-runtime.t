# The runtime's budget rule (lib/budget.c: pt_budget_of / pt_budget_check),
# proven through what the pages show.  The user detail page shows a user's
# effective limits as computed by pt_budget_of_user, the same code that
# pt_budget_of and pt_budget_check run for the orders worker:
#   - a role with a limit of its own has it; a role without one has the org's;
#   - a person with several roles has the most generous of them;
#   - never more than the org's own limit;
#   - no role, no budget (0).
# Limits are set through the budgets page, as an org admin does.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my %id = map { $_ => role_id($_) } qw(customer_user buyer approver customer_admin);

sub restore_demo {
    sql('UPDATE orgs SET order_limit_minor = 500000, monthly_limit_minor = 2000000 WHERE id = ' . ACME);
    sql('DELETE FROM org_role_limits WHERE org_id = ' . ACME);
    sql("INSERT INTO org_role_limits (org_id, role_id, order_limit_minor, monthly_limit_minor)"
        . " VALUES (" . ACME . ", $id{buyer}, 100000, 400000)");
}
restore_demo();
END { restore_demo() }

my $anna = client_as('anna.admin@acme.example');

# Effective limits of a user as the detail page shows them: [order, month]
# in minor units ('' = no limit).
sub effective {
    my ($user) = @_;
    my ($doc, $res) = $anna->get_xml("/auth/users/$user");
    die 'detail page: ' . $res->code unless $res->code == 200;
    return [xp($doc, '/page/user-detail/budget/@order'), xp($doc, '/page/user-detail/budget/@month')];
}

# Set role limits through the budgets page: name => [order, month] as typed.
sub set_limits {
    my (%set) = @_;
    my $doc = $anna->get_xml('/auth/budgets');
    my @form;
    for my $f ($doc->findnodes("/page/form[\@name='budgets']/field")) {
        my $n = $f->getAttribute('name');
        my ($kind, $rid) = $n =~ /^(order|month)-(\d+)$/;
        my ($role) = grep { $id{$_} == $rid } keys %id;
        my $v = $f->textContent;
        $v = $set{$role}[$kind eq 'order' ? 0 : 1] if $role && exists $set{$role};
        push @form, $n => $v;
    }
    my ($d, $res) = post_form($anna, '/auth/budgets', \@form);
    is($res->code, 303, 'limits saved through the page: ' . join(', ', map { "$_ @{$set{$_}}" } sort keys %set));
}

my $buyer_only = make_user(org => ACME, roles => ['buyer']);
my $user_buyer = make_user(org => ACME, roles => [qw(customer_user buyer)]);
my $user_only = make_user(org => ACME, roles => ['customer_user']);
my $no_role = make_user(org => ACME, roles => []);

subtest 'a role with its own limit; a role without one has the org\'s' => sub {
    is_deeply(effective($buyer_only), [100000, 400000], 'buyer only: the buyer limit (1000.00 / 4000.00)');
    is_deeply(effective($user_only), [500000, 2000000], "customer_user (no limit of its own): the org's");
    my $html = $anna->get("/auth/users/$buyer_only")->content;
    like($html, qr{data-limit="order">1,000\.00(?:&#160;|\x{a0}|\xc2\xa0)GBP<}, 'shown as money in GBP');
};

subtest 'several roles: the most generous' => sub {
    is_deeply(effective($user_buyer), [500000, 2000000], "customer_user + buyer: the org's (customer_user has no own limit)");
    set_limits(customer_user => ['200', '800']);
    is_deeply(effective($user_only), [20000, 80000], 'customer_user alone now: 200.00 / 800.00');
    is_deeply(effective($user_buyer), [100000, 400000], 'customer_user + buyer: the larger, the buyer\'s');
    set_limits(buyer => ['50', '900']);
    is_deeply(effective($user_buyer), [20000, 90000], 'each limit on its own: order from customer_user, month from buyer');
    set_limits(buyer => ['1500.00', '']);
    is_deeply(effective($buyer_only), [150000, 2000000], 'an empty month limit is the org\'s');
};

subtest 'never above the org\'s limit' => sub {
    sql('UPDATE orgs SET order_limit_minor = 120000 WHERE id = ' . ACME);
    is_deeply(effective($buyer_only), [120000, 2000000], 'the org lowered to 1200.00 caps the buyer\'s 1500.00');
    my ($doc) = $anna->get_xml('/auth/budgets');
    is(xp($doc, "/page/budgets/role[\@name='buyer']/\@effective-order"), 120000, 'the budgets page agrees');
    sql('UPDATE orgs SET order_limit_minor = NULL, monthly_limit_minor = NULL WHERE id = ' . ACME);
    is_deeply(effective($buyer_only), [150000, ''], 'an org without limits: the role\'s, or none');
    is_deeply(effective($user_buyer), [150000, ''], "most generous: the buyer's month is the org's, none");
    restore_demo();
};

subtest 'no role, no budget' => sub {
    is_deeply(effective($no_role), [0, 0], 'a user without roles may order nothing');
};

subtest 'the provider admin sees the same figures' => sub {
    my $admin = client_as('admin@portico.example');
    my ($doc) = $admin->get_xml("/auth/admin/users/$buyer_only");
    is(xp($doc, '/page/user-detail/budget/@order'), 100000, 'buyer: 1000.00');
    is(xp($doc, '/page/user-detail/budget/@currency'), 'GBP', 'in the org\'s currency');
    ($doc) = $admin->get_xml('/auth/admin/users/' . KLAUS_ID);
    is(xp($doc, '/page/user-detail/budget/@order'), 1000000, "klaus: Bergmann's 10000.00");
    is(xp($doc, '/page/user-detail/budget/@currency'), 'EUR', 'EUR');
};

done_testing;
