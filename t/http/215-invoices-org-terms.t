# What an invoice copies from its organisation is kept on the provider's
# organisation form (/auth/admin/orgs/<id>): payment terms in days (0 to
# 365, empty: 30), billing address and VAT number, each written with the
# audit row of the change.  A form sent without those fields (of the older
# kind) changes none of them.  The next invoice of the organisation is due
# after its terms and billed at its address.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::ProcessCases ();
use Portico::Invoices;

my $admin = or_client('admin@portico.example');
my @billing = qw(payment_terms_days billing_street billing_street2 billing_postal_code billing_city
    billing_country vat_id);
my $saved = sql_rows('SELECT ' . join(', ', @billing) . ' FROM orgs WHERE id = ' . ACME)->[0];
END {
    my @set = map { "$billing[$_] = " . sql_quote($saved->[$_]) } 0 .. $#billing;
    sql('UPDATE orgs SET ' . join(', ', @set) . ' WHERE id = ' . ACME) if $saved;
}

# The form's values as the edit page shows them, with changes.
sub form_of {
    my ($id, %change) = @_;
    my ($doc) = $admin->get_xml("/auth/admin/orgs/$id");
    my %f = map { $_->getAttribute('name') => $_->textContent } $doc->findnodes('/page/form[@name="org"]/field');
    return (%f, %change);
}

sub save {
    my ($id, %f) = @_;
    return $admin->post_xml("/auth/admin/orgs/$id", [csrf => or_csrf($admin), %f]);
}

sub billing_of {
    my ($id) = @_;
    my $r = sql_rows('SELECT ' . join(', ', @billing) . " FROM orgs WHERE id = $id")->[0];
    my %h;
    @h{@billing} = @$r;
    return \%h;
}

subtest 'the form shows and keeps the billing fields' => sub {
    my %f = form_of(ACME);
    is($f{payment_terms}, $saved->[0], 'the terms');
    is($f{billing_street}, $saved->[1], 'the street');
    my (undef, $res) = save(ACME, %f, payment_terms => '14', billing_street => 'Billing House, 1 Ledger Lane',
        billing_street2 => 'Accounts payable', billing_postal_code => 'LS2 7AB', billing_city => 'Leeds',
        billing_country => 'GB', vat_id => 'GB999888777');
    is($res->code, 303, 'saved');
    is_deeply(billing_of(ACME), { payment_terms_days => 14, billing_street => 'Billing House, 1 Ledger Lane',
        billing_street2 => 'Accounts payable', billing_postal_code => 'LS2 7AB', billing_city => 'Leeds',
        billing_country => 'GB', vat_id => 'GB999888777' }, 'written');
    my $audit = sql_rows("SELECT before_json, after_json FROM audit_log WHERE action = 'org.update'"
        . " AND object_id = '" . ACME . "' ORDER BY id DESC LIMIT 1")->[0];
    like($audit->[1], qr/"payment_terms_days":14,"billing_street":"Billing House, 1 Ledger Lane"/, 'the audit row says so');
    like($audit->[0], qr/"payment_terms_days":\Q$saved->[0]\E/, '... and what it was');
};

subtest 'the next invoice follows them' => sub {
    my (undef, undef, $buyer) = ct_buyer();
    ct_set_limits(undef, undef);
    my $address = ct_address(country => 'GB');
    my (undef, $sku) = ct_product(prices => { GBP => 1000 });
    my ($number) = inv_order($buyer, [[$sku, 1]], address => $address);
    my ($inv) = inv_issue($number);
    my $r = inv_row($inv);
    is($r->{payment_terms_days}, 14, 'due in 14 days');
    is(sql_value("SELECT DATEDIFF(due_date, issue_date) FROM invoices WHERE number = '$inv'"), 14, '... from its date');
    is($r->{buyer_street}, 'Billing House, 1 Ledger Lane', 'billed at the new address');
    my ($doc) = inv_desk()->get_xml("/orders/invoices/$inv");
    is(xp($doc, '/page/invoice/buyer/street2'), 'Accounts payable', '... with its second line');
    is(xp($doc, '/page/invoice/buyer/@vat-id'), 'GB999888777', '... and VAT number');
};

subtest 'bad values come back with the form' => sub {
    my %f = form_of(ACME);
    for my $case (['payment_terms', 'x', 'input.integer'], ['payment_terms', '366', 'input.integer'],
        ['payment_terms', '-1', 'input.integer'], ['billing_country', 'XX', 'input.choice'],
        ['billing_street', 'x' x 201, 'input.too-long'], ['vat_id', 'y' x 21, 'input.too-long']) {
        my ($field, $value, $key) = @$case;
        my ($doc, $res) = save(ACME, %f, $field => $value);
        is($res->code, 422, "$field '" . substr($value, 0, 10) . "': 422");
        is(or_errors($doc)->{$field}, $key, "... $key at the field");
        is(xp($doc, "/page/form[\@name='org']/field[\@name='$field']"), $value, '... the value kept');
    }
    is(billing_of(ACME)->{payment_terms_days}, 14, 'nothing written');
    my (undef, $res) = save(ACME, %f, payment_terms => '');
    is($res->code, 303, 'empty terms are saved');
    is(billing_of(ACME)->{payment_terms_days}, 30, '... as the default, 30 days');
};

subtest 'a form without the billing fields changes none of them' => sub {
    my %f = form_of(ACME, payment_terms => '21');
    save(ACME, %f);
    my $before = billing_of(ACME);
    delete @f{qw(payment_terms billing_street billing_street2 billing_postal_code billing_city billing_country vat_id)};
    my (undef, $res) = save(ACME, %f);
    is($res->code, 303, 'saved');
    is_deeply(billing_of(ACME), $before, 'the billing fields are as they were');
};

subtest 'a new organisation' => sub {
    my $name = 'Invoice Test Org ' . unique_tag('io');
    my (undef, $res) = $admin->post_xml('/auth/admin/orgs/new', [csrf => or_csrf($admin), name => $name,
        kind => 'customer', tier => '', currency => 'EUR', language => 'de', order_limit => '', monthly_limit => '',
        payment_terms => '10', billing_street => 'Lagerweg 5', billing_postal_code => '20095',
        billing_city => 'Hamburg', billing_country => 'DE', vat_id => 'DE123123123']);
    is($res->code, 303, 'created');
    my $id = sql_value('SELECT id FROM orgs WHERE name = ' . sql_quote($name));
    my $b = billing_of($id);
    is_deeply([@$b{qw(payment_terms_days billing_city vat_id)}], [10, 'Hamburg', 'DE123123123'], 'with its billing fields');
    (undef, $res) = $admin->post_xml('/auth/admin/orgs/new', [csrf => or_csrf($admin), name => "$name 2",
        kind => 'customer', tier => '', currency => 'EUR', language => 'de', order_limit => '', monthly_limit => '']);
    is($res->code, 303, 'created without them');
    my $id2 = sql_value('SELECT id FROM orgs WHERE name = ' . sql_quote("$name 2"));
    is(billing_of($id2)->{payment_terms_days}, 30, '... with 30 days');
    sql("DELETE FROM audit_log WHERE object_type = 'org' AND object_id IN ('$id', '$id2')");
    # A new customer org's onboarding (customer-onboarding.bpmn) refers to it.
    Portico::ProcessCases::forget_org($_) for $id, $id2;
    sql("DELETE FROM orgs WHERE id IN ($id, $id2)");
};

subtest 'only the provider\'s admins' => sub {
    my $anna = or_client('anna.admin@acme.example');
    my %f = form_of(ACME);
    my (undef, $res) = $anna->post_xml('/auth/admin/orgs/' . ACME, [csrf => or_csrf($anna), %f, payment_terms => '90']);
    is($res->code, 403, 'a customer\'s admin: 403');
    isnt(billing_of(ACME)->{payment_terms_days}, 90, 'nothing written');
};

done_testing();
