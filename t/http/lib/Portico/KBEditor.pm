package Portico::KBEditor;

# Helpers for the authoring tests (t/http/85-89): signed-in clients per
# role, forms posted with the session's CSRF token (as XML, so a 422 comes
# back as the page), multipart uploads, and the rows the editor writes.
#
# Articles the editor pages create are registered with forget_article and
# deleted (with their texts, versions, tags links and attachment rows, by
# ON DELETE CASCADE) and their stored files removed when the test ends;
# tags named with the test's prefix are removed too.  Data made with
# Portico::KB is removed by its own cleanup, after this module's.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use File::Spec;
use HTTP::Request::Common ();
use Portico::Test;
use Portico::KB;

our @EXPORT = qw(
    ROLES_WITHOUT as_role csrf_for post_csrf post_multipart upload forget_article forget_tag_prefix
    article_by_slug text_row version_rows audit_rows_for files_dir new_article_form
);

# Signed-in demo users that must not edit: a customer, a partner, an agent
# (who reads internal articles but does not write them).
use constant ROLES_WITHOUT => ('carl@acme.example', 'paula@northwind.example', 'agent@portico.example');

my (@articles, @tag_prefixes);

# A client signed in as email, with Accept-Language: en.
sub as_role {
    my ($email, %o) = @_;
    return reader($email, %o);
}

# The CSRF token of the client's session (from the editor list when it may
# see it, else from the start page).
sub csrf_for {
    my ($c) = @_;
    my $doc = $c->get_xml('/');
    my $t = csrf_of($doc);
    croak 'no csrf token' unless length $t;
    return $t;
}

# POST pairs with the token added (unless no_csrf); returns ($doc, $res),
# the page XML asked for with Accept: application/xml.
sub post_csrf {
    my ($c, $path, $pairs, %o) = @_;
    my @form = @{ $pairs // [] };
    push @form, csrf => ($o{csrf} // csrf_for($c)) unless $o{no_csrf};
    return $c->post_xml($path, \@form);
}

# POST pairs as multipart/form-data (as the article form does), token
# added; returns ($doc, $res) as post_csrf.
sub post_multipart {
    my ($c, $path, $pairs, %o) = @_;
    my @form = @{ $pairs // [] };
    push @form, csrf => ($o{csrf} // csrf_for($c)) unless $o{no_csrf};
    my $req = HTTP::Request::Common::POST(base_url() . $path, Content_Type => 'form-data',
        Content => \@form, Accept => 'application/xml');
    my $res = $c->request($req);
    my $doc = xml_of($res);
    return wantarray ? ($doc, $res) : $doc;
}

# A multipart upload of one file: upload($c, $path, filename => ..,
# data => .., type => .., csrf => 0 to leave it out). Returns the response.
sub upload {
    my ($c, $path, %o) = @_;
    my @content;
    push @content, csrf => ($o{csrf} // csrf_for($c)) unless defined $o{csrf} && $o{csrf} eq '0';
    push @content, file => [undef, $o{filename} // 'file.txt',
        'Content-Type' => $o{type} // 'application/octet-stream', Content => $o{data} // ''];
    my $req = HTTP::Request::Common::POST(base_url() . $path, Content_Type => 'form-data',
        Content => \@content, Accept => 'application/xml');
    return $c->request($req);
}

# The fields of a valid new-article form for a category, with overrides.
# The body is HTML (format xhtml), as before Markdown; pass format =>
# 'markdown' with a Markdown body.  related => '' sends one empty field,
# as a form without related articles does not; an id (or a list of them)
# is one ticked box.
sub new_article_form {
    my ($category, %o) = @_;
    my %f = (
        category => $category,
        slug     => kb_slug('ed'),
        audience => 'customer',
        lang     => 'en',
        title    => 'A test article',
        summary  => 'What it is about.',
        format   => 'xhtml',
        body     => "<h2>Steps</h2>\n<p>First paragraph.</p>\n<p>Second paragraph.</p>",
        tags     => '',
        related  => '',
        note     => '',
        %o,
    );
    return [map { ($_ => $f{$_}) } sort keys %f];
}

sub forget_article { push @articles, grep { defined } @_ }

sub forget_tag_prefix { push @tag_prefixes, @_ }

# The kb_articles row of slug as a hash, or undef; registers it for deletion.
sub article_by_slug {
    my ($slug) = @_;
    my $r = sql_rows('SELECT id, category_id, slug, audience, status, created_by,'
        . " DATE_FORMAT(published_at, '%Y-%m-%dT%H:%i:%sZ') FROM kb_articles WHERE slug = " . sql_quote($slug));
    return undef unless @$r;
    my %a;
    @a{qw(id category_id slug audience status created_by published_at)} = @{ $r->[0] };
    forget_article($a{id});
    return \%a;
}

sub text_row {
    my ($id, $lang) = @_;
    my $r = sql_rows("SELECT title, summary, body, body_text, version_no, body_format, body_source"
        . " FROM kb_article_texts WHERE article_id = $id AND lang = " . sql_quote($lang));
    return undef unless @$r;
    my %t;
    @t{qw(title summary body body_text version_no body_format body_source)} = @{ $r->[0] };
    return \%t;
}

# Versions of (id, lang), oldest first: { no, title, body, status, note,
# created_by, body_format, body_source }.
sub version_rows {
    my ($id, $lang) = @_;
    my $r = sql_rows("SELECT version_no, title, body, status, note, created_by, body_format, body_source"
        . " FROM kb_article_versions WHERE article_id = $id AND lang = " . sql_quote($lang) . ' ORDER BY version_no');
    return map { my %v; @v{qw(no title body status note created_by body_format body_source)} = @$_; \%v } @$r;
}

# Audit rows of an action on an object, oldest first: { user_id, before, after }.
sub audit_rows_for {
    my ($action, $type, $id) = @_;
    my $r = sql_rows('SELECT user_id, before_json, after_json FROM audit_log WHERE action = '
        . sql_quote($action) . ' AND object_type = ' . sql_quote($type)
        . ' AND object_id = ' . sql_quote($id) . ' ORDER BY id');
    return map { +{ user_id => $_->[0], before => $_->[1], after => $_->[2] } } @$r;
}

# Where the stack keeps uploads: [paths] files of its config, else $VAR/files.
sub files_dir {
    if (open(my $fh, '<', conf_file())) {
        my $section = '';
        while (my $l = <$fh>) {
            $section = $1 if $l =~ /^\s*\[([^\]]+)\]/;
            return $1 if $section eq 'paths' && $l =~ /^\s*files\s*=\s*(\S+)/;
        }
    }
    return File::Spec->catdir(var_dir(), 'files');
}

sub cleanup_editor {
    if (@articles) {
        my $in = join ',', map { int } @articles;
        my $files = eval { sql_rows("SELECT storage_name FROM kb_attachments WHERE article_id IN ($in)") } // [];
        for my $f (@$files) {
            unlink File::Spec->catfile(files_dir(), 'kb', $f->[0]) if $f->[0] =~ /^[0-9a-f]{64}$/;
        }
        eval {
            sql("DELETE FROM kb_related WHERE related_id IN ($in) OR article_id IN ($in);"
                . " DELETE FROM kb_articles WHERE id IN ($in)");
            1;
        } or warn "Portico::KBEditor cleanup: $@";
    }
    for my $p (@tag_prefixes) {
        eval { sql('DELETE FROM kb_tags WHERE name LIKE ' . sql_quote("$p%")); 1 }
            or warn "Portico::KBEditor cleanup: $@";
    }
    @articles = @tag_prefixes = ();
}

END { cleanup_editor() }

1;
