package Portico::Mailin;
# portico-mailin from the tests: the built program fed a mail on standard
# input with the stack's configuration (or a variant), as an MTA's pipe
# would; the corpus of t/unit/fixtures/mail/ with its placeholders filled
# in; and a ticket's reply address computed here from [secrets] hmac_key,
# independently of the C code, so that the format itself is tested.
use strict;
use warnings;
use Exporter 'import';
use Digest::SHA qw(hmac_sha256);
use File::Spec;
use IPC::Open3 ();
use Symbol ();
use Portico::Test qw(repo_dir conf_file);

our @EXPORT = qw(mailin_bin mailin_run reply_address fixture_mail hmac_key);

sub mailin_bin {
    return File::Spec->catfile($ENV{PORTICO_BUILD} // File::Spec->catdir(repo_dir(), 'build'),
        'cgi-bin-src', 'mailin', 'portico-mailin');
}

# mailin_run($mail, @args, {conf => $file}): (exit status, stdout, stderr).
sub mailin_run {
    my ($mail, @args) = @_;
    my $opt = ref $args[-1] eq 'HASH' ? pop @args : {};
    local $ENV{PORTICO_CONF} = $opt->{conf} // conf_file();
    local $ENV{SENDER};
    local $ENV{RECIPIENT};
    local $ENV{ORIGINAL_RECIPIENT};
    my $err = Symbol::gensym();
    my $pid = IPC::Open3::open3(my $in, my $out, $err, mailin_bin(), @args);
    binmode $in;
    print $in $mail;
    close $in;
    my $stdout = do { local $/; <$out> } // '';
    my $stderr = do { local $/; <$err> } // '';
    waitpid($pid, 0);
    return ($? >> 8, $stdout, $stderr);
}

# [secrets] hmac_key of the stack's configuration.
sub hmac_key {
    open(my $fh, '<', conf_file()) or die "cannot read " . conf_file() . ": $!";
    my $section = '';
    while (my $line = <$fh>) {
        $section = $1 if $line =~ /^\s*\[([^\]]+)\]/;
        return $1 if $section eq 'secrets' && $line =~ /^\s*hmac_key\s*=\s*(\S+)/;
    }
    die "no [secrets] hmac_key in " . conf_file();
}

# RFC 4648 base32, lower case, no padding.
sub _base32 {
    my ($bytes) = @_;
    my $bits = unpack('B*', $bytes);
    $bits .= '0' x ((5 - length($bits) % 5) % 5);
    return join '', map { ('a' .. 'z', 2 .. 7)[oct("0b$_")] } $bits =~ /(.{5})/g;
}

# support+t<id>-<the first 80 bits of HMAC-SHA-256("portico\0reply\0<id>\0" "0\0"), base32>@portico.example
sub reply_address {
    my ($ticket_id, $local) = @_;
    my $mac = hmac_sha256("portico\0reply\0$ticket_id\0" . "0\0", hmac_key());
    return sprintf('%s+t%d-%s@portico.example', $local // 'support', $ticket_id, _base32(substr($mac, 0, 10)));
}

# The corpus mail $name (bytes) with {TICKET} and {MAC} filled in for ticket
# $o{ticket} (a reply address with a correct HMAC), and $o{from} replacing
# the sender's address when given.
sub fixture_mail {
    my ($name, %o) = @_;
    my $path = File::Spec->catfile(repo_dir(), 't', 'unit', 'fixtures', 'mail', $name);
    open(my $fh, '<:raw', $path) or die "cannot read $path: $!";
    my $mail = do { local $/; <$fh> };
    close $fh;
    if (defined $o{ticket}) {
        my $addr = reply_address($o{ticket});
        $mail =~ s/support\+t\{TICKET\}-\{MAC\}\@portico\.example/$addr/g;
        $mail =~ s/\{TICKET\}/$o{ticket}/g;
    }
    if (defined $o{from}) {
        $mail =~ s/^(From:[^\n]*?)<[^>\n]+>/$1<$o{from}>/m or $mail =~ s/^From: \S+/From: $o{from}/m;
    }
    if (defined $o{message_id}) {
        $mail =~ s/^Message-ID: <[^>\n]+>/Message-ID: <$o{message_id}>/mi;
    }
    return $mail;
}

1;
