# portico-admin --help is what an operator runs before there is a
# configuration: it must answer without one, on standard output, with exit
# status 0.  A mistyped command is told as such (exit 2), not as a missing
# configuration.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;

my $admin = File::Spec->catfile($ENV{PORTICO_BUILD} // File::Spec->catdir(repo_dir(), 'build'),
    'cgi-bin-src', 'admin', 'portico-admin');
ok(-x $admin, 'portico-admin is built') or BAIL_OUT('no portico-admin');

local $ENV{PORTICO_CONF} = '/nonexistent/portico.conf';
for my $arg ('--help', '-h', 'help') {
    my $out = `"$admin" $arg 2>/dev/null`;
    is($? >> 8, 0, "$arg without a configuration: exit 0");
    like($out, qr/^usage: portico-admin/m, "$arg: the usage on standard output");
    like($out, qr/portico-admin check/, "$arg: lists the commands");
}
my $err = `"$admin" chekc 2>&1 >/dev/null`;
is($? >> 8, 2, 'a mistyped command: exit 2');
like($err, qr/^usage: portico-admin/m, 'with the usage');
unlike($err, qr/cannot read config/, 'not a complaint about the configuration');
my $out = `"$admin" check 2>&1`;
is($? >> 8, 1, 'a real command without a configuration: exit 1');
like($out, qr/cannot read config/, 'says the configuration is missing');

done_testing;
