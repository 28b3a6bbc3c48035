# Budget limits per role: an org admin sees the org's own limits (read
# only) and sets limits per order and per month for the roles of the org's
# kind, as decimals in the org's currency, stored as minor units; empty
# means "the org's limit".  Amounts must be numbers, not negative and not
# above the org's limit (422 per field, input kept).  An audit row carries
# before and after.  Only for users.manage.org, only for the own org.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my %id = map { $_ => role_id($_) } qw(customer_user buyer approver customer_admin partner_user);

# The demo budgets (sql/demo/0002-budgets.sql), put back at the end.
sub restore_demo {
    sql('DELETE FROM org_role_limits WHERE org_id IN (' . ACME . ',' . BERGMANN . ')');
    sql("INSERT INTO org_role_limits (org_id, role_id, order_limit_minor, monthly_limit_minor)"
        . " VALUES (" . ACME . ", $id{buyer}, 100000, 400000)");
}
restore_demo();
END { restore_demo() }

sub limits {
    my ($org) = @_;
    my %l;
    for my $r (@{ sql_rows("SELECT r.name, l.order_limit_minor, l.monthly_limit_minor FROM org_role_limits l"
        . " JOIN roles r ON r.id = l.role_id WHERE l.org_id = $org") }) {
        $l{ $r->[0] } = [ $r->[1], $r->[2] ];
    }
    return \%l;
}

# Every field of the form, as the page has it, with some replaced.
sub form_of {
    my ($doc, %set) = @_;
    my @f;
    for my $field ($doc->findnodes("/page/form[\@name='budgets']/field")) {
        my $n = $field->getAttribute('name');
        push @f, $n => exists $set{$n} ? $set{$n} : $field->textContent;
    }
    return \@f;
}

my $anna = client_as('anna.admin@acme.example');

subtest 'anna sees the limits of Acme' => sub {
    my ($doc, $res) = $anna->get_xml('/auth/budgets');
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'budgets', 'view budgets');
    is(xp($doc, '/page/budgets/@currency'), 'GBP', "the org's currency");
    is(xp($doc, '/page/budgets/org/@order'), 500000, "org's limit per order");
    is(xp($doc, '/page/budgets/org/@month'), 2000000, "org's limit per month");
    is_deeply([xp_list($doc, '/page/budgets/role/@name')], [qw(customer_user buyer approver customer_admin)],
        'the roles of a customer org');
    is(xp($doc, "/page/budgets/role[\@name='buyer']/\@order"), 100000, "buyer's own limit");
    is(xp($doc, "/page/budgets/role[\@name='buyer']/\@effective-order"), 100000, "buyer's effective limit");
    is(xp($doc, "/page/budgets/role[\@name='approver']/\@order"), '', 'approver has none of its own');
    is(xp($doc, "/page/budgets/role[\@name='approver']/\@effective-order"), 500000, "so the org's");
    is(xp($doc, "/page/form/field[\@name='order-$id{buyer}']"), '1000.00', 'form: decimal amount');
    is(xp($doc, "/page/form/field[\@name='month-$id{approver}']"), '', 'form: empty for the org\'s');
    my $html = $anna->get('/auth/budgets')->content;
    like($html, qr{5,000\.00\x{a0}GBP|5,000\.00&#160;GBP|5,000\.00\xc2\xa0GBP}, "org's limit shown as money");
    like($html, qr{<label for="order-$id{buyer}">}, 'labelled inputs');
};

subtest 'anna sets limits' => sub {
    my ($doc) = $anna->get_xml('/auth/budgets');
    my ($d, $res) = post_form($anna, '/auth/budgets', form_of($doc,
        "order-$id{buyer}" => '1500.5', "month-$id{buyer}" => ' 4000 ',
        "order-$id{approver}" => '2000,25', "month-$id{approver}" => '',
        "order-$id{customer_user}" => '0', "month-$id{customer_user}" => '5000.00'));
    is($res->code, 303, 'status 303');
    is(location_path($res), '/auth/budgets?saved=1', 'back to the page');
    is_deeply(limits(ACME), {
        buyer => [150050, 400000],
        approver => [200025, undef],
        customer_user => [0, 500000],
    }, 'stored in minor units, empty as NULL');
    my ($a) = audit_rows('budgets.update', 'org', ACME);
    ok($a, 'audit row') or return;
    is($a->{user_id}, ANNA_ID, 'by anna');
    like($a->{before}, qr{"buyer":\{"order":100000,"month":400000\}}, 'before: buyer');
    like($a->{before}, qr{"approver":\{"order":null,"month":null\}}, 'before: approver');
    like($a->{after}, qr{"buyer":\{"order":150050,"month":400000\}}, 'after: buyer');
    like($a->{after}, qr{"approver":\{"order":200025,"month":null\}}, 'after: approver');
    ($doc) = $anna->get_xml('/auth/budgets?saved=1');
    ok(xp_count($doc, "/page/messages/message[\@key='budgets.saved']"), 'saved message');
    is(xp($doc, "/page/form/field[\@name='order-$id{buyer}']"), '1500.50', 'shown as typed, normalised');
    is(xp($doc, "/page/budgets/role[\@name='customer_user']/\@effective-order"), 0, 'zero is a limit');

    my $n = audit_count('budgets.update', 'org', ACME);
    ($d, $res) = post_form($anna, '/auth/budgets', form_of($doc));
    is($res->code, 303, 'the same again: 303');
    is(audit_count('budgets.update', 'org', ACME), $n, 'no audit row without a change');

    my @empty = map { ($_ => '') } xp_list($doc, "/page/form[\@name='budgets']/field/\@name");
    ($d, $res) = post_form($anna, '/auth/budgets', \@empty);
    is($res->code, 303, 'all empty: 303');
    is_deeply(limits(ACME), {}, 'every role has the org\'s limit again (rows gone)');
    restore_demo();
};

subtest '422 per field, input kept, nothing stored' => sub {
    my ($doc) = $anna->get_xml('/auth/budgets');
    my $before = limits(ACME);
    my $audits = audit_count('budgets.update', 'org', ACME);
    my @cases = (
        ['letters', 'abc', 'budgets.invalid'],
        ['three decimals', '1.234', 'budgets.invalid'],
        ['thousands separator', '1,000.00', 'budgets.invalid'],
        ['a dot alone', '5.', 'budgets.invalid'],
        ['negative', '-5', 'budgets.negative'],
        ['negative decimal', '-0.01', 'budgets.negative'],
        ['above the org per order', '5000.01', 'budgets.exceeds-org'],
        ['huge', '99999999999999999999', 'budgets.invalid'],
    );
    for my $c (@cases) {
        my ($name, $value, $key) = @$c;
        my $field = "order-$id{approver}";
        my ($d, $res) = post_form($anna, '/auth/budgets', form_of($doc, $field => $value,
            "month-$id{buyer}" => '3000'));
        is($res->code, 422, "$name: 422");
        ok(xp_count($d, "/page/messages/message[\@key='$key' and \@field='$field']"), "$name: $key on $field")
            or diag explain [message_keys($d)];
        is(xp($d, "/page/form/field[\@name='$field']"), $value, "$name: input kept");
        is(xp($d, "/page/form/field[\@name='month-$id{buyer}']"), '3000', "$name: the other fields kept");
    }
    my ($d, $res) = post_form($anna, '/auth/budgets', form_of($doc, "month-$id{customer_admin}" => '20000.01',
        "order-$id{buyer}" => 'x'));
    is($res->code, 422, 'two bad fields: 422');
    is(xp_count($d, "/page/messages/message[\@kind='error']"), 2, 'a message for each');
    is_deeply(limits(ACME), $before, 'nothing stored');
    is(audit_count('budgets.update', 'org', ACME), $audits, 'no audit row');

    my $html = $anna->post('/auth/budgets',
        [@{ form_of($doc, "order-$id{approver}" => '6000') }, csrf => page_csrf($anna)]);
    is($html->code, 422, 'HTML 422');
    like($html->content, qr{must not exceed the organisation&#39;s limit of 5,000\.00|must not exceed the organisation's limit of 5,000\.00},
        "the message names the org's limit");
    like($html->content, qr{id="order-$id{approver}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="order-$id{approver}"},
        'the field is marked invalid');
};

subtest 'own org only: a Bergmann admin sees and sets Bergmann\'s' => sub {
    my ($u, $email) = make_user(org => BERGMANN, roles => ['customer_admin']);
    my $berta = client_as($email);
    my ($doc) = $berta->get_xml('/auth/budgets');
    is(xp($doc, '/page/budgets/@currency'), 'EUR', 'EUR');
    is(xp($doc, '/page/budgets/org/@order'), 1000000, "Bergmann's limit");
    is(xp($doc, "/page/budgets/role[\@name='buyer']/\@order"), '', "Acme's buyer limit is not Bergmann's");
    my ($d, $res) = post_form($berta, '/auth/budgets', form_of($doc, "order-$id{buyer}" => '7000'));
    is($res->code, 303, 'status 303');
    is_deeply(limits(BERGMANN), { buyer => [700000, undef] }, "stored for Bergmann");
    is_deeply(limits(ACME)->{buyer}, [100000, 400000], 'Acme untouched');
    my ($a) = audit_rows('budgets.update', 'org', BERGMANN);
    is($a->{org_id}, BERGMANN, 'audit row in Bergmann');
    ($d, $res) = post_form($berta, '/auth/budgets', [ "order-$id{partner_user}" => '1', "order-$id{buyer}" => '7000' ]);
    is_deeply([sort keys %{ limits(BERGMANN) }], ['buyer'], 'a role of another kind is ignored');
};

subtest 'refused: no permission 403, no token 403' => sub {
    for my $who (qw(klaus@bergmann.example carl@acme.example admin@portico.example)) {
        my $c = client_as($who);
        is($c->get('/auth/budgets')->code, 403, "$who GET: 403");
        my ($d, $res) = post_form($c, '/auth/budgets', ["order-$id{buyer}" => '1']);
        is($res->code, 403, "$who POST: 403");
    }
    my ($doc) = $anna->get_xml('/auth/budgets');
    my ($d, $res) = post_form($anna, '/auth/budgets', form_of($doc, "order-$id{buyer}" => '1'), no_csrf => 1);
    is($res->code, 403, 'anna without csrf: 403');
    is_deeply(limits(ACME)->{buyer}, [100000, 400000], 'unchanged');
    is(Portico::Test->client->get('/auth/budgets')->code, 303, 'anonymous: to the login page');
};

done_testing;
