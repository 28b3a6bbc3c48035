package Portico::TicketsAdmin;

# Helpers for the tests of the service catalogue's administration
# (t/http/150-154): posting its forms as ordinary urlencoded forms with the
# session's CSRF token (Accept: application/xml, so a 422 comes back as the
# page), making categories, services, fields and groups through the pages,
# their rows and audit rows, and the error messages of a page by field.
#
# Everything a test makes has a slug, name or field name starting with
# tka_prefix(); it is deleted when the test ends (tickets raised through
# those services first), and the priority matrix is put back as it was.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Portico::Test;
use Portico::Tickets ();

our @EXPORT = qw(
    tka_prefix tka_client tka_post tka_errors tka_category tka_service tka_field tka_group
    tka_audit tka_service_id tka_category_id tka_group_id tka_field_id
);

my $PREFIX = "tka$$";
my $matrix = sql_rows('SELECT impact, urgency, priority FROM ticket_priority_matrix');

# A prefix unique to this run: lower-case letters and digits.
sub tka_prefix { return $PREFIX }

# A client signed in as email (undef: anonymous), in lang (default en).
sub tka_client { return Portico::Tickets::tk_client(@_) }

# POST pairs (array ref) urlencoded with the session's token (unless
# no_csrf, or csrf => '...').  Returns ($doc, $res).
sub tka_post {
    my ($c, $path, $pairs, %o) = @_;
    my @form = @{ $pairs // [] };
    unless ($o{no_csrf}) {
        my $t = $o{csrf} // csrf_of(scalar $c->get_xml('/'));
        $t = csrf_of(scalar $c->get_xml('/auth/login')) unless length $t;
        push @form, csrf => $t;
    }
    my ($doc, $res) = $c->post_xml($path, \@form);
    return wantarray ? ($doc, $res) : $doc;
}

# The page's error messages as { field => key } (the first per field; '' for none).
sub tka_errors {
    my ($doc) = @_;
    my %m;
    for my $n ($doc ? $doc->findnodes("/page/messages/message[\@kind='error']") : ()) {
        my $f = $n->getAttribute('field') // '';
        $m{$f} //= $n->getAttribute('key');
    }
    return \%m;
}

sub _created {
    my ($res, $what, $re) = @_;
    croak "creating $what: " . $res->code unless $res->code == 303;
    my ($id) = (location_path($res) // '') =~ $re or croak 'unexpected Location ' . location_path($res);
    return $id;
}

sub tka_category_id { return sql_value('SELECT id FROM ticket_categories WHERE slug = ' . sql_quote($_[0])) }
sub tka_service_id  { return sql_value('SELECT id FROM ticket_services WHERE slug = ' . sql_quote($_[0])) }
sub tka_group_id    { return sql_value('SELECT id FROM ticket_groups WHERE slug = ' . sql_quote($_[0])) }
sub tka_field_id {
    my ($service_id, $name) = @_;
    return sql_value("SELECT id FROM ticket_fields WHERE service_id = $service_id AND name = " . sql_quote($name));
}

# A category through the page; slug gets the prefix.  Returns its id.
sub tka_category {
    my ($c, $slug, %o) = @_;
    $slug = "$PREFIX-$slug";
    my (undef, $res) = tka_post($c, '/tickets/admin/categories/new', [slug => $slug,
        name_en => $o{name_en} // "Category $slug", name_de => $o{name_de} // "Kategorie $slug",
        description_en => '', description_de => '', position => $o{position} // '']);
    croak "creating category $slug: " . $res->code unless $res->code == 303;
    return tka_category_id($slug);
}

# A service through the page; slug gets the prefix.  Returns its id.
sub tka_service {
    my ($c, $slug, %o) = @_;
    $slug = "$PREFIX-$slug";
    my @aud = map { (audience => $_) } @{ $o{audience} // ['customer', 'partner'] };
    my @tiers = map { (tiers => $_) } @{ $o{tiers} // [] };
    my (undef, $res) = tka_post($c, '/tickets/admin/services/new', [slug => $slug,
        category => $o{category} // 1, name_en => $o{name_en} // "Service $slug",
        name_de => $o{name_de} // "Service $slug (de)", description_en => $o{description_en} // '',
        description_de => '', type => $o{type} // 'request', group => $o{group} // 1,
        impact => $o{impact} // 2, urgency => $o{urgency} // 2, @aud, @tiers,
        ($o{inactive} ? () : (active => 1)), position => '']);
    return _created($res, "service $slug", qr{^/tickets/admin/services/(\d+)/form\?created=1$});
}

# A field of service id through the page.  Returns its id.
sub tka_field {
    my ($c, $sid, $name, %o) = @_;
    my (undef, $res) = tka_post($c, "/tickets/admin/services/$sid/fields/new", [kind => $o{kind} // 'text',
        name => $name, label_en => $o{label_en} // "Label $name", label_de => $o{label_de} // "Feld $name",
        help_en => $o{help_en} // '', help_de => '', ($o{required} ? (required => 1) : ()),
        pattern => $o{pattern} // '', min => $o{min} // '', max => $o{max} // '',
        options => $o{options} // '']);
    croak "adding field $name: " . $res->code unless $res->code == 303;
    return tka_field_id($sid, $name);
}

# A group through the page; slug and name get the prefix.  Returns its id.
sub tka_group {
    my ($c, $slug, %o) = @_;
    $slug = "$PREFIX-$slug";
    my (undef, $res) = tka_post($c, '/tickets/admin/groups/new', [slug => $slug,
        name => $o{name} // "Group $slug", active => 1, lead => $o{lead} // '',
        map({ (members => $_) } @{ $o{members} // [] })]);
    croak "creating group $slug: " . $res->code unless $res->code == 303;
    return tka_group_id($slug);
}

# The audit rows of action on object (type, id), oldest first.
sub tka_audit { return audit_of(@_) }

END {
    my $status = $?;
    my $like = sql_quote("$PREFIX-%");
    eval {
        my $svc = "SELECT id FROM ticket_services WHERE slug LIKE $like";
        sql("DELETE a FROM ticket_answers a JOIN tickets t ON t.id = a.ticket_id WHERE t.service_id IN ($svc)");
        sql("DELETE FROM tickets WHERE service_id IN ($svc)");
        sql("DELETE FROM ticket_services WHERE slug LIKE $like");
        sql("DELETE FROM ticket_categories WHERE slug LIKE $like");
        sql("UPDATE ticket_services SET group_id = 1 WHERE group_id IN"
            . " (SELECT id FROM ticket_groups WHERE slug LIKE $like)");
        sql("DELETE FROM ticket_groups WHERE slug LIKE $like");
        sql('INSERT INTO ticket_priority_matrix (impact, urgency, priority) VALUES '
            . join(', ', map { "($_->[0], $_->[1], $_->[2])" } @$matrix)
            . ' ON DUPLICATE KEY UPDATE priority = VALUES(priority)') if @$matrix;
    };
    warn "cleanup of the catalogue's test rows failed: $@" if $@;
    $? = $status;
}

1;
