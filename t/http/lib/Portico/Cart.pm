package Portico::Cart;

# Helpers for the tests of the cart, checkout, orders and their approval
# (t/http/190-199): buyers of a role of the test's own (so their budget
# limits are the test's alone), products with known prices, a client's
# cart and checkout, and the orders a test placed.
#
# What a test makes is deleted when it ends: the orders of its people, its
# products (SKU prefix ct_prefix()), its delivery addresses (label prefix)
# and its role.  This module's END runs before Portico::OrgAdmin's, which
# deletes the people.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Portico::Test;
use Portico::OrgAdmin ();
use Portico::Orders qw(or_client or_csrf or_post or_errors or_route_table);

our @EXPORT = qw(ct_prefix ct_role ct_buyer ct_person ct_product ct_address ct_cart ct_add
    ct_checkout ct_place ct_order_row ct_order_id ct_set_limits ct_db_order ct_parallel
    or_client or_csrf or_post or_errors or_route_table ACME BERGMANN);

use constant { ACME => 2, BERGMANN => 3 };

my $PREFIX = "CT$$";
my ($role_id, $own_role_id, @people, @addresses);

sub ct_prefix { return $PREFIX }

# The test's own customer role (buyers of it have its limits), made once.
sub ct_role {
    return $role_id if $role_id;
    my $name = lc("ct_buyer_$$");
    sql("INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES (" . sql_quote($name)
        . ", 'customer', 'customer', 15, 0)");
    $role_id = sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($name));
    sql("INSERT INTO role_permissions (role_id, permission_id) SELECT $role_id, id FROM permissions"
        . " WHERE name IN ('orders.read', 'orders.place', 'orders.read.org', 'kb.read')");
    return $role_id;
}

# A role that may order but sees only its own orders (no orders.read.org), made once.
sub ct_role_own {
    return $own_role_id if $own_role_id;
    my $name = lc("ct_own_$$");
    sql("INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES (" . sql_quote($name)
        . ", 'customer', 'customer', 14, 0)");
    $own_role_id = sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($name));
    sql("INSERT INTO role_permissions (role_id, permission_id) SELECT $own_role_id, id FROM permissions"
        . " WHERE name IN ('orders.read', 'orders.place', 'kb.read')");
    return $own_role_id;
}

# The role's limits in org (minor units; undef: the org's).
sub ct_set_limits {
    my ($order, $month, %o) = @_;
    my $org = $o{org} // ACME;
    my $r = ct_role();
    sql("DELETE FROM org_role_limits WHERE org_id = $org AND role_id = $r");
    sql("INSERT INTO org_role_limits (org_id, role_id, order_limit_minor, monthly_limit_minor)"
        . " VALUES ($org, $r, " . ($order // 'NULL') . ', ' . ($month // 'NULL') . ')');
}

# A person of org with roles (names; 'ct' is the test's buyer role, 'ct-own'
# one that orders but sees only its own orders), in
# time zone zone.  Returns (id, email).
sub ct_person {
    my (%o) = @_;
    my @roles = @{ $o{roles} // ['ct'] };
    my ($id, $email) = Portico::OrgAdmin::make_user(org => $o{org} // ACME,
        roles => [grep { $_ ne 'ct' && $_ ne 'ct-own' } @roles], name => $o{name});
    sql("INSERT INTO user_roles (user_id, role_id) VALUES ($id, " . ct_role() . ')')
        if grep { $_ eq 'ct' } @roles;
    sql("INSERT INTO user_roles (user_id, role_id) VALUES ($id, " . ct_role_own() . ')')
        if grep { $_ eq 'ct-own' } @roles;
    sql('UPDATE users SET time_zone = ' . sql_quote($o{zone} // 'Europe/London')
        . (defined $o{lang} ? ', language = ' . sql_quote($o{lang}) : '') . " WHERE id = $id");
    push @people, $id;
    return ($id, $email);
}

# A buyer of the test's role in org: (id, email, client).
sub ct_buyer {
    my (%o) = @_;
    my ($id, $email) = ct_person(%o, roles => ['ct', @{ $o{also} // [] }]);
    return ($id, $email, or_client($email, lang => $o{lang}));
}

# A product with list prices { GBP => minor, ... } and optionally Acme's
# contract price, tax class, audience; returns (id, sku).
sub ct_product {
    my (%o) = @_;
    my $sku = $PREFIX . '-' . ($o{sku} // unique_tag('p'));
    sql('INSERT INTO products (sku, category_id, kind, unit, tax_class, audience, active) VALUES ('
        . join(', ', sql_quote($sku), 1, "'product'", sql_quote($o{unit} // 'piece'),
            sql_quote($o{tax_class} // 'standard'), sql_quote($o{audience} // 'customer,partner'),
            $o{active} // 1) . ')');
    my $id = sql_value('SELECT id FROM products WHERE sku = ' . sql_quote($sku));
    sql("INSERT INTO product_texts (product_id, lang, name, description) VALUES ($id, 'en', "
        . sql_quote($o{name} // "Test product $sku") . ", ''), ($id, 'de', "
        . sql_quote($o{name_de} // "Testprodukt $sku") . ", '')");
    for my $cur (sort keys %{ $o{prices} // {} }) {
        sql("INSERT INTO product_prices (product_id, currency, amount_minor) VALUES ($id, "
            . sql_quote($cur) . ", $o{prices}{$cur})");
    }
    sql("INSERT INTO contract_prices (org_id, product_id, currency, amount_minor) VALUES (" . ACME
        . ", $id, 'GBP', $o{contract})") if defined $o{contract};
    return ($id, $sku);
}

# A delivery address of org in country; returns its id.
sub ct_address {
    my (%o) = @_;
    my $label = "$PREFIX " . ($o{label} // unique_tag('a'));
    sql('INSERT INTO org_addresses (org_id, label, recipient, street, postal_code, city, country, active)'
        . ' VALUES (' . join(', ', $o{org} // ACME, sql_quote($label), "'Goods-in'", "'1 Test Street'",
            "'T1 1TT'", "'Testtown'", sql_quote($o{country} // 'GB'), $o{active} // 1) . ')');
    my $id = sql_value('SELECT id FROM org_addresses WHERE label = ' . sql_quote($label));
    push @addresses, $id;
    return $id;
}

# The client's cart page as XML: ($doc, $res).
sub ct_cart {
    my ($c, $query) = @_;
    return $c->get_xml('/orders/cart' . ($query // ''));
}

# Put quantity of sku into the client's cart; returns the response.
sub ct_add {
    my ($c, $sku, $qty) = @_;
    my (undef, $res) = or_post($c, '/orders/cart/add', [sku => $sku, quantity => $qty // 1]);
    return $res;
}

# POST the checkout with the total the cart page shows now (unless given)
# and the fields given; returns ($doc, $res).
sub ct_checkout {
    my ($c, %f) = @_;
    my ($cart) = ct_cart($c, defined $f{address} ? "?address=$f{address}" : '');
    my %form = (
        address => xp($cart, '/page/form[@name="checkout"]/field[@name="address"]'),
        expected => xp($cart, '/page/form[@name="checkout"]/field[@name="expected"]'),
        po_number => '', cost_centre => '', requested_date => '', note => '',
        %f,
    );
    return or_post($c, '/orders/checkout', [%form]);
}

# Add the lines ([sku, qty] ...) and place the order; returns its number
# (dies unless the checkout answered 303 to the order).
sub ct_place {
    my ($c, $lines, %f) = @_;
    for my $l (@$lines) {
        my $res = ct_add($c, @$l);
        croak "add $l->[0]: " . $res->code unless $res->code == 303;
    }
    my ($doc, $res) = ct_checkout($c, %f);
    croak 'checkout: ' . $res->code . ' ' . join(',', values %{ or_errors($doc) })
        unless $res->code == 303;
    my ($number) = (location_path($res) // '') =~ m{^/orders/(O-\d{4}-\d{6,})\?placed=1$}
        or croak 'checkout went to ' . (location_path($res) // '?');
    return $number;
}

# An order made in the database, not by a checkout: of buyer (org: ACME)
# at at (UTC; its creation and, unless status says otherwise, when it
# counts), for net, with status and po.  Its number is O-1999-...; returns it.
my $db_seq = 0;
sub ct_db_order {
    my (%o) = @_;
    my $seq = ($$ % 1000) * 1000 + ++$db_seq;
    my $number = sprintf('O-1999-%06d', $seq);
    my $status = $o{status} // 'submitted';
    my $counted = $status =~ /^(awaiting_approval|rejected)$/ ? 'NULL' : sql_quote($o{at});
    sql('INSERT INTO orders (number, year, seq, org_id, buyer_id, status, currency, net_minor, tax_minor,'
        . ' gross_minor, po_number, ship_label, ship_recipient, ship_street, ship_postal_code, ship_city,'
        . ' ship_country, counted_at, created_at, updated_at) VALUES ('
        . join(', ', sql_quote($number), 1999, $seq, $o{org} // ACME, $o{buyer}, sql_quote($status),
            "'GBP'", $o{net}, 0, $o{net}, sql_quote($o{po} // ''), ("'x'") x 5, "'GB'", $counted,
            sql_quote($o{at}), sql_quote($o{at})) . ')');
    return $number;
}

# Run code->(k) for k in 0 .. n-1 in forked children that all start at
# the same moment (a second and a half from now); the lines each printed,
# in the order of the children.
sub ct_parallel {
    my ($n, $code) = @_;
    require POSIX;
    require Time::HiRes;
    my $go = Time::HiRes::time() + 1.5;
    my @kids;
    for my $k (0 .. $n - 1) {
        pipe(my $r, my $w) or croak "pipe: $!";
        my $pid = fork // croak "fork: $!";
        if ($pid == 0) {
            close $r;
            Time::HiRes::sleep(0.001) while Time::HiRes::time() < $go;
            my @out = eval { $code->($k) };
            print {$w} map { "$_\n" } @out;
            print {$w} "ERROR $@\n" if $@;
            close $w;
            POSIX::_exit(0);    # no END blocks (cleanup) in the children
        }
        close $w;
        push @kids, [$pid, $r];
    }
    my @lines;
    for my $k (@kids) {
        my $fh = $k->[1];
        push @lines, map { chomp; $_ } <$fh>;
        waitpid($k->[0], 0);
    }
    return @lines;
}

# The orders row of number as a hash.
sub ct_order_row {
    my ($number) = @_;
    my @cols = qw(id org_id buyer_id status currency net_minor tax_minor gross_minor po_number
        cost_centre requested_date note ship_country budget_reason counted_at decided_by
        decision_comment year seq);
    my $r = sql_rows('SELECT ' . join(', ', @cols) . ' FROM orders WHERE number = ' . sql_quote($number));
    return undef unless @$r;
    my %h;
    @h{@cols} = map { defined $_ && $_ eq 'NULL' ? undef : $_ } @{ $r->[0] };
    return \%h;
}

sub ct_order_id { return sql_value('SELECT id FROM orders WHERE number = ' . sql_quote($_[0])) }

END {
    my $status = $?;
    eval {
        if (@people) {
            my $in = join(', ', @people);
            # Their orders' approvals (processes/order-approval.bpmn) name them.
            require Portico::Process;
            Portico::Process::fl_forget("started_by IN ($in) OR business_key IN (SELECT number FROM orders"
                . " WHERE buyer_id IN ($in)) OR id IN (SELECT instance_id FROM flow_tasks"
                . " WHERE completed_by IN ($in) OR assignee_id IN ($in))");
            sql("DELETE FROM orders WHERE buyer_id IN ($in) OR decided_by IN ($in)");
            sql("DELETE FROM order_events WHERE user_id IN ($in)");
            sql("DELETE FROM carts WHERE user_id IN ($in)");
        }
        my $sku = sql_quote("$PREFIX%");
        sql("DELETE FROM orders WHERE id IN (SELECT order_id FROM order_lines WHERE sku LIKE $sku)");
        sql("DELETE FROM cart_lines WHERE product_id IN (SELECT id FROM products WHERE sku LIKE $sku)");
        sql("DELETE FROM products WHERE sku LIKE $sku");
        sql("DELETE FROM orders WHERE address_id IN (" . join(', ', @addresses) . ')') if @addresses;
        sql("DELETE FROM org_addresses WHERE label LIKE " . sql_quote("$PREFIX %"));
        for my $r (grep { $_ } $role_id, $own_role_id) {
            sql("DELETE FROM user_roles WHERE role_id = $r");
            sql("DELETE FROM roles WHERE id = $r");
        }
    };
    $? = $status;
}

1;
