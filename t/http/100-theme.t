# Themes reach everything a person sees.  The stack runs in development,
# where the workers and the mailer follow an edit of [site] theme in the
# config file on the next request, as a theme designer's stack does; this
# test switches the running test stack to the example theme "nordlicht"
# by editing var/test/portico.conf, and checks:
#   - the logo, the favicon and the theme's CSS in the page, and the site
#     name from the theme's catalogue in <title> (English and German);
#   - a partner's start page arranged by the theme (theme-start-partner),
#     a customer's left as it is;
#   - a mail in the theme: site name, logo by absolute URL, colours;
#   - a theme.xsl that is not well-formed: the page names file and line
#     (500), instead of an old look;
# and it puts the config back (END), so the tests after it see the stock
# theme.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Path qw(make_path remove_tree);
use File::Spec;
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Mail;

binmode($_, ':encoding(UTF-8)') for *STDOUT, *STDERR;

my $conf = conf_file();
my $original = do { local (@ARGV, $/) = ($conf); <> } // BAIL_OUT("cannot read $conf");
my $broken = 't-broken-' . $$;
my $broken_dir = File::Spec->catdir(repo_dir(), 'xslt', 'themes', $broken);
END {
    write_conf($original) if defined $original;
    remove_tree($broken_dir) if $broken_dir && -d $broken_dir;
}

my $mode = (stat $conf)[2] & 07777;

# Replace the config in one step (a new file renamed over it, with the
# mode it had: it holds passwords): the workers see either the old or the
# new one, never half of it.
sub write_conf {
    my ($text) = @_;
    my $tmp = "$conf.theme-test";
    open(my $fh, '>', $tmp) or die "$tmp: $!";
    chmod($mode, $tmp) or die "chmod $tmp: $!";
    print $fh $text;
    close $fh or die "$tmp: $!";
    rename($tmp, $conf) or die "rename $tmp: $!";
}

# The config with [site] theme set to $name.
sub use_theme {
    my ($name) = @_;
    my ($text, $section, $done) = ('', '', 0);
    for my $line (split /^/, $original) {
        $section = $1 if $line =~ /^\s*\[([^\]]+)\]/;
        if ($section eq 'site' && $line =~ /^\s*theme\s*=/) {
            $line = "theme = $name\n";
            $done = 1;
        }
        $text .= $line;
    }
    die "no [site] theme in $conf" unless $done;
    write_conf($text);
}

sub html_of {
    my ($res) = @_;
    return XML::LibXML->load_html(string => $res->decoded_content, recover => 2, suppress_errors => 1);
}

sub title_of { my $t = $_[0]->findvalue('//title'); $t =~ s/\s+/ /g; $t =~ s/^ | $//g; return $t }

ok(Portico::Test->client->get('/auth/login')->decoded_content =~ m{<title>[^<]*– Portico</title>},
    'the stock theme first: the title ends with Portico');

use_theme('nordlicht');

subtest 'the page: logo, favicon, CSS, site name' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    my $res = $c->get('/auth/login');
    is($res->code, 200, 'the login page answers');
    my $dom = html_of($res);
    like(title_of($dom), qr/ – Nordlicht$/, 'the title ends with the theme\'s site name');
    is($dom->findvalue('//header//a[@class="brand"]//img/@src'), '/static/themes/nordlicht/logo.svg',
        'the theme\'s logo in the header');
    is($dom->findvalue('normalize-space(//header//*[@class="brand-name"])'), 'Nordlicht', 'the site name in the header');
    is($dom->findvalue('//head/link[@rel="icon"]/@href'), '/static/themes/nordlicht/favicon.svg', 'the theme\'s favicon');
    is(scalar(() = $dom->findnodes('//head/link[contains(@rel, "icon")]')), 1, 'and no other icon link');
    ok($dom->findnodes('//head/link[@rel="stylesheet" and @href="/static/themes/nordlicht/theme.css"]'),
        'the theme\'s CSS');
    like($dom->findvalue('//footer'), qr/Nordlicht Handel GmbH/, 'the theme\'s footer');
    for my $f (qw(logo.svg favicon.svg logo-mail.png theme.css)) {
        is($c->get("/static/themes/nordlicht/$f")->code, 200, "/static/themes/nordlicht/$f is served");
    }

    my $de = Portico::Test->client(accept_language => 'de');
    my $dedom = html_of($de->get('/auth/login'));
    like(title_of($dedom), qr/^Anmelden – Nordlicht$/, 'German title with the site name');
    is($dedom->findvalue('normalize-space(//footer//*[@class="footer-title"][1])'), 'Nordlicht Handel GmbH',
        'German page in the theme too');
};

subtest 'start pages per role' => sub {
    my $p = Portico::Test->client(accept_language => 'en');
    is($p->login('paula@northwind.example', DEMO_PASSWORD)->code, 303, 'the partner signs in');
    my $dom = html_of($p->get('/'));
    like(title_of($dom), qr/ – Nordlicht$/, 'start page title with the site name');
    is($dom->findvalue('//main//section[contains(@class, "partner-desk")]/h2'), 'Partner desk',
        'the partner start page has the theme\'s partner desk');
    is(scalar(() = $dom->findnodes('//main//h1')), 1, 'one h1');
    my @sections = map { $_->getAttribute('aria-labelledby') } $dom->findnodes('//main//section');
    is_deeply(\@sections, ['start-title', 'tasks-title', 'partner-desk-title', 'areas-title'],
        'welcome, tasks, partner desk, areas: in the theme\'s order');

    my $cu = Portico::Test->client(accept_language => 'en');
    is($cu->login('carl@acme.example', DEMO_PASSWORD)->code, 303, 'a customer signs in');
    my $cdom = html_of($cu->get('/'));
    ok(!$cdom->findnodes('//*[contains(@class, "partner-desk")]'), 'the customer start page has no partner desk');
    ok($cdom->findnodes('//main//section[@aria-labelledby="areas-title"]'), 'and the standard areas');
};

subtest 'a mail in the theme' => sub {
    my $to = unique_tag('theme') . '@mailtest.example';
    sql(sprintf("INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
        . " attempts, next_attempt_at) VALUES (UTC_TIMESTAMP(6), %s, 'Theo Test', 'en', 'reset',"
        . " '<data><link>/auth/password/reset?token=abc</link><expires-minutes>60</expires-minutes></data>',"
        . " 'queued', 0, UTC_TIMESTAMP(6))", sql_quote($to)));
    my $m = Portico::Mail::wait_for(to => $to, timeout => 20);
    ok($m, 'the mail arrives') or return;
    is($m->{subject}, 'Reset your Nordlicht password', 'the site name in the subject ({site})');
    like($m->{text}, qr/your Nordlicht team/, 'and in the text signature');
    my $html = $m->{html};
    like($html, qr{<img[^>]+src="https?://[^"/]+/static/themes/nordlicht/logo-mail\.png"}, 'the logo by absolute URL');
    like($html, qr{<span[^>]*>\s*Nordlicht\s*</span>}, 'the site name next to it');
    like($html, qr{background-color:#0b2a36}, 'the theme\'s header colour');
    like($html, qr{<a href="[^"]+/auth/password/reset\?token=abc" style="[^"]*background-color:#0f766e},
        'the button in the theme\'s brand colour');
    unlike($html, qr{#0b4f8a}, 'none of the stock colours');
};

subtest 'a broken theme names file and line' => sub {
    make_path($broken_dir);
    my $file = File::Spec->catfile($broken_dir, 'theme.xsl');
    open(my $fh, '>', $file) or die "$file: $!";
    print $fh qq{<?xml version="1.0" encoding="UTF-8"?>\n}
        . qq{<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n}
        . qq{  <xsl:template name="theme-logo">\n}
        . qq{    <img src="/x.svg" alt="">\n}
        . qq{  </xsl:template>\n}
        . qq{</xsl:stylesheet>\n};
    close $fh;
    use_theme($broken);
    my $res = Portico::Test->client->get('/auth/login');
    is($res->code, 500, 'the page answers 500');
    my $body = $res->decoded_content;
    like($body, qr{\Q$broken\E/theme\.xsl:5: parser error}, 'naming the file and the line');
    like($body, qr{Opening and ending tag mismatch: img}, 'and what is wrong');
    unlike($body, qr{brand-logo}, 'not a page in the last look that worked');
};

# The hooks a theme has are the ones the READMEs list: every theme-*
# template and variable of the stylesheets and every --pt-* variable of
# portico.css is named in README and in xslt/README.
subtest 'the documented hooks' => sub {
    my $repo = repo_dir();
    my $slurp = sub { local (@ARGV, $/) = ("$repo/$_[0]"); <> };
    my %hooks;
    for my $f (qw(xslt/layout.xsl xslt/auth/start.xsl xslt/mail/layout.xsl)) {
        my $xsl = $slurp->($f);
        $hooks{$1} = 1 while $xsl =~ /<xsl:(?:template|variable) name="(theme-[a-z-]+)"/g;
    }
    my ($root) = $slurp->('htdocs/css/portico.css') =~ /:root\s*\{(.*?)\}/s;
    $hooks{$1} = 1 while $root =~ /^\s*(--pt-[a-z-]+):/mg;
    cmp_ok(scalar(keys %hooks), '>', 40, 'hooks found') or return;
    for my $doc (qw(README xslt/README)) {
        my $text = $slurp->($doc);
        my @missing = grep { $text !~ /\Q$_\E(?![a-z-])/ } sort keys %hooks;
        is_deeply(\@missing, [], "$doc names every hook");
    }
};

write_conf($original);
ok(wait_until(5, sub { Portico::Test->client->get('/auth/login')->decoded_content =~ m{<title>[^<]*– Portico</title>} }),
    'back to the stock theme');

done_testing;
