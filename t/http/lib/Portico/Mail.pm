package Portico::Mail;

# Reading the mails the stack sent, for the HTTP tests.
#
# script/server and script/test run an SMTP sink (aiosmtpd's Mailbox
# handler) that keeps every mail portico-mailer delivers as one file in the
# Maildir $PORTICO_VAR/mail (arrivals in new/). This module finds a mail
# there, parses it (multipart/alternative, quoted-printable or base64 parts,
# RFC 2047 encoded words; no CPAN modules needed) and hands it back as
#
#   { subject => 'decoded text', to => 'carl@acme.example', to_name => 'Carl',
#     from => 'portal@example.com', text => 'the text/plain part',
#     html => 'the text/html part', headers => { 'subject' => ..., ... },
#     content_type => 'multipart/alternative', parts => [ { type, charset,
#     encoding, body } ... ], file => '/path/to/the/file', raw => '...' }
#
# All text is decoded to Perl characters (UTF-8 on the wire).
#
#   use Portico::Mail;
#   my $m = Portico::Mail::wait_for(to => 'carl@acme.example',
#       subject => qr/invited/, timeout => 20) or BAIL...;
#   my $url = Portico::Mail::link_in($m, qr{/auth/invite\?token=});
#   Portico::Mail::clear();                       # or clear(to => $addr)
#
# wait_for returns each mail once per test process: a second wait_for with
# the same criteria waits for the next such mail (so a test can expect two
# mails to the same address). Pass seen => 1 to also consider mails already
# returned.

use strict;
use warnings;

use Encode ();
use Exporter qw(import);
use File::Spec;
use MIME::Base64 ();
use MIME::QuotedPrint ();
use Time::HiRes ();

our @EXPORT_OK = qw(wait_for clear link_in mails parse_file mail_dir);

my %returned;    # file name => 1, mails wait_for already handed out

sub _var_dir {
    return $ENV{PORTICO_VAR} if $ENV{PORTICO_VAR};
    require Portico::Test;
    return Portico::Test::var_dir();
}

# The Maildir of the stack's SMTP sink.
sub mail_dir { return File::Spec->catdir(_var_dir(), 'mail') }

# Every mail file in new/ and cur/, oldest first.
sub _files {
    my @f;
    for my $sub (qw(new cur)) {
        my $d = File::Spec->catdir(mail_dir(), $sub);
        opendir(my $dh, $d) or next;
        push @f, map { File::Spec->catfile($d, $_) } grep { !/^\./ } readdir $dh;
        closedir $dh;
    }
    my %mtime = map { $_ => ((stat $_)[9] // 0) } @f;
    return sort { $mtime{$a} <=> $mtime{$b} or $a cmp $b } @f;
}

# ---------------------------------------------------------------- parsing

sub _charset_decode {
    my ($charset, $bytes) = @_;
    $charset = 'UTF-8' if !defined $charset || $charset eq '' || lc $charset eq 'us-ascii';
    my $enc = Encode::find_encoding($charset) || Encode::find_encoding('UTF-8');
    return $enc->decode($bytes, Encode::FB_DEFAULT);
}

# RFC 2047: =?charset?Q|B?text?= words, whitespace between two words dropped.
sub decode_words {
    my ($s) = @_;
    return '' unless defined $s;
    my $word = qr/=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/;
    $s =~ s/($word)\s+(?==\?[^?\s]+\?[QqBb]\?)/$1/g;
    $s =~ s{$word}{
        my ($cs, $enc, $t) = ($1, uc $2, $3);
        my $bytes;
        if ($enc eq 'B') { $bytes = MIME::Base64::decode_base64($t) }
        else {
            $t =~ tr/_/ /;
            $t =~ s/=([0-9A-Fa-f]{2})/chr hex $1/ge;
            $bytes = $t;
        }
        $cs =~ s/\*.*//;    # RFC 2231 language suffix
        _charset_decode($cs, $bytes);
    }ge;
    return $s;
}

# Header block into (list of [name, raw value]) with folded lines joined.
sub _headers {
    my ($block) = @_;
    my @h;
    for my $line (split /\r?\n/, $block) {
        if ($line =~ /^[ \t]/ && @h) {
            $h[-1][1] .= $line;    # unfold: CRLF removed, the white space kept
        } elsif ($line =~ /^([^:\s]+):[ \t]*(.*)$/) {
            push @h, [lc $1, $2];
        }
    }
    return @h;
}

# "type/sub; a=b; c="d"" into (lc type, { lc a => b, ... }).
sub _ctype {
    my ($v) = @_;
    $v //= 'text/plain';
    my ($type, $rest) = split /;/, $v, 2;
    $type =~ s/^\s+|\s+$//g;
    my %p;
    while (defined $rest && $rest =~ /\G\s*;?\s*([^=;\s]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^;\s]*)/gc) {
        my ($k, $val) = (lc $1, defined $3 ? $3 : $2);
        $val =~ s/\\(.)/$1/g if defined $3;
        $p{$k} = $val;
    }
    return (lc $type, \%p);
}

# One entity (headers + body) into a list of leaf parts.
sub _parts {
    my ($entity, $depth) = @_;
    my ($hblock, $body) = split /\r?\n\r?\n/, $entity, 2;
    $body //= '';
    my %h;
    for (_headers($hblock)) { $h{ $_->[0] } //= $_->[1] }
    my ($type, $p) = _ctype($h{'content-type'});
    if ($type =~ m{^multipart/} && defined $p->{boundary} && $depth < 5) {
        my $b = quotemeta $p->{boundary};
        my @chunks = split /(?:^|\r?\n)--$b(?:--)?[ \t]*(?:\r?\n|\z)/, $body;
        shift @chunks;    # the preamble
        pop @chunks if @chunks && $body =~ /--$b--/ && $chunks[-1] !~ /\S/;
        return map { _parts($_, $depth + 1) } grep { length } @chunks;
    }
    my $cte = lc($h{'content-transfer-encoding'} // '7bit');
    $cte =~ s/^\s+|\s+$//g;
    my $bytes = $cte eq 'quoted-printable' ? MIME::QuotedPrint::decode_qp($body)
        : $cte eq 'base64' ? MIME::Base64::decode_base64($body)
        : $body;
    my $text = _charset_decode($p->{charset}, $bytes);
    $text =~ s/\r\n/\n/g;
    return { type => $type, charset => $p->{charset} // '', encoding => $cte, body => $text,
        headers => \%h };
}

# Splits "Name <addr>" (decoded) into (addr, name).
sub _address {
    my ($v) = @_;
    return ('', '') unless defined $v;
    if ($v =~ /^\s*(.*?)\s*<([^>]*)>\s*$/) {
        my ($name, $addr) = ($1, $2);
        $name =~ s/^"(.*)"$/$1/;
        $name =~ s/\\(.)/$1/g;
        return ($addr, $name);
    }
    (my $a = $v) =~ s/^\s+|\s+$//g;
    return ($a, '');
}

# Parses one mail file; returns the hash described at the top, or undef.
sub parse_file {
    my ($file) = @_;
    open(my $fh, '<:raw', $file) or return undef;
    my $raw = do { local $/; <$fh> };
    close $fh;
    return undef unless defined $raw && length $raw;
    my ($hblock) = split /\r?\n\r?\n/, $raw, 2;
    my (%headers, @list);
    for (_headers($hblock)) {
        my $v = decode_words($_->[1]);
        push @list, [$_->[0], $v];
        $headers{ $_->[0] } //= $v;
    }
    my ($ctype) = _ctype($headers{'content-type'});
    my @parts = _parts($raw, 0);
    my ($text) = map { $_->{body} } grep { $_->{type} eq 'text/plain' } @parts;
    my ($html) = map { $_->{body} } grep { $_->{type} eq 'text/html' } @parts;
    my ($to, $to_name) = _address($headers{to});
    my ($from, $from_name) = _address($headers{from});
    return {
        subject => $headers{subject} // '', to => $to, to_name => $to_name,
        from => $from, from_name => $from_name,
        rcpt => $headers{'x-rcptto'} // $to,
        text => $text, html => $html, headers => \%headers, header_list => \@list,
        content_type => $ctype, parts => \@parts, file => $file, raw => $raw,
    };
}

# ---------------------------------------------------------------- finding

sub _matches {
    my ($m, %c) = @_;
    if (defined $c{to}) {
        my $want = lc $c{to};
        return 0 unless lc($m->{to}) eq $want || grep { lc($_) eq $want } split /\s*,\s*/, $m->{rcpt};
    }
    return 0 if defined $c{subject} && $m->{subject} !~ $c{subject};
    return 0 if defined $c{text} && ($m->{text} // '') !~ $c{text};
    return 1;
}

# Every mail now in the Maildir that matches (to, subject, text), oldest first.
sub mails {
    my (%c) = @_;
    return grep { _matches($_, %c) } grep { defined } map { parse_file($_) } _files();
}

# wait_for(to => ..., subject => qr//, text => qr//, timeout => 20, seen => 0):
# the oldest matching mail not returned before, once it is there; undef
# after timeout seconds.
sub wait_for {
    my (%c) = @_;
    my $timeout = delete $c{timeout} // 20;
    my $seen = delete $c{seen};
    my $end = Time::HiRes::time() + $timeout;
    while (1) {
        for my $m (mails(%c)) {
            next if !$seen && $returned{ $m->{file} };
            $returned{ $m->{file} } = 1;
            return $m;
        }
        return undef if Time::HiRes::time() > $end;
        Time::HiRes::sleep(0.2);
    }
}

# clear(): delete every mail of the Maildir; clear(to => $addr): only those to $addr.
sub clear {
    my (%c) = @_;
    my $n = 0;
    for my $f (_files()) {
        if (%c) {
            my $m = parse_file($f) or next;
            next unless _matches($m, %c);
        }
        $n += unlink $f;
        delete $returned{$f};
    }
    return $n;
}

# The first URL in the mail's text part that matches $re (any http(s) URL
# without $re), or undef.
sub link_in {
    my ($m, $re) = @_;
    return undef unless $m && defined $m->{text};
    for my $url ($m->{text} =~ m{(https?://[^\s<>"]+)}g) {
        $url =~ s/[.,;:)\]]+\z//;
        return $url if !defined $re || $url =~ $re;
    }
    return undef;
}

1;
