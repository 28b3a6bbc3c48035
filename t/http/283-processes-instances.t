# The instances list (/admin/processes/instances, issue 14): each filter
# (process, version, state, business key, organisation, started between)
# selects what it says, the count of each state follows the other
# filters, paging walks the rest, and a bad filter is told at its field
# (422) while the others still apply.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Processes;

my $c = or_client('admin@portico.example');
my $key = 't283-' . unique_tag();
my ($rc, $doc, $res);
for my $v (1, 2) {
    ($doc, $res) = pa_upload($c, "$key.bpmn", model_xml(key => $key, task => "Look $v"));
    is($res->code, 303, "version $v deployed");
}
my $v1 = definition_of($key, 1)->{id};
my $v2 = definition_of($key, 2)->{id};
my $tag = 'K283' . $$;

# 3 on version 1 for Acme in 2025, 60 on version 2 for the provider in 2026.
my @old = map { add_instance(definition => $v1, key => "$tag-A$_", org => PA_ACME,
    state => $_ == 3 ? 'completed' : 'running', started => "'2025-03-0$_ 10:00:00'",
    ended => $_ == 3 ? "'2025-03-04 10:00:00'" : undef) } 1 .. 3;
my @new = map { add_instance(definition => $v2, key => sprintf('%s-B%02d', $tag, $_), org => undef,
    state => $_ <= 5 ? 'suspended' : 'running', started => sprintf("'2026-01-01 00:00:00' + INTERVAL %d MINUTE", $_))
    } 1 .. 60;

sub ids {
    my ($query) = @_;
    my ($d, $r) = $c->get_xml("/admin/processes/instances?$query");
    return ($d, $r, [xp_list($d, '/page/instances/instance/@id')]);
}

my ($d, $r, $ids) = ids("process=$key");
is($r->code, 200, 'by process: 200');
is(xp($d, '/page/instances/@total'), 63, 'all 63 of the process');
is(scalar @$ids, 50, 'the first page holds 50');
is($ids->[0], $new[-1], 'newest first');
is(xp($d, '/page/instances/pager/@pages'), 2, 'two pages');
is(xp($d, '/page/instances/state[@name="running"]/@count'), 57, 'running counted');
is(xp($d, '/page/instances/state[@name="suspended"]/@count'), 5, 'suspended counted');
is(xp($d, '/page/instances/state[@name="completed"]/@count'), 1, 'completed counted');
($d, $r, $ids) = ids("process=$key&page=2");
is(scalar @$ids, 13, 'the second page holds the rest');
is($ids->[-1], $old[0], 'the oldest last');

($d, $r, $ids) = ids("process=$key&version=1");
is_deeply([sort { $a <=> $b } @$ids], \@old, 'by version 1');
is(xp($d, '/page/instances/instance[1]/@version'), 1, 'shown as version 1');
($d, $r, $ids) = ids("process=$key&state=suspended");
is_deeply([sort { $a <=> $b } @$ids], [@new[0 .. 4]], 'by state');
is(xp($d, '/page/instances/state[@name="running"]/@count'), 57, 'the state counts ignore the state filter');
($d, $r, $ids) = ids("key=$tag-A");
is_deeply([sort { $a <=> $b } @$ids], \@old, 'by the beginning of the business key');
($d, $r, $ids) = ids("key=$tag-B07");
is_deeply($ids, [$new[6]], 'by a whole business key');
($d, $r, $ids) = ids("key=" . substr($tag, 0, 2) . '%25');
is(scalar @$ids, 0, 'a % in the key is a character, not a wildcard');
($d, $r, $ids) = ids("process=$key&org=" . PA_ACME);
is_deeply([sort { $a <=> $b } @$ids], \@old, 'by organisation');
is(xp($d, '/page/instances/instance[1]/@org'), 'Acme Industrial Ltd', 'named');
($d, $r, $ids) = ids("process=$key&from=2025-03-02&to=2025-03-03");
is_deeply([sort { $a <=> $b } @$ids], [@old[1, 2]], 'started between two days (both included)');
($d, $r, $ids) = ids("process=$key&state=running&key=$tag-B&from=2026-01-01&to=2026-01-01");
is(xp($d, '/page/instances/@total'), 55, 'filters together');

# Bad filters: 422, told at the field, left out.
($d, $r, $ids) = ids("process=$key&state=asleep");
is($r->code, 422, 'an unknown state: 422');
is(xp($d, '/page/messages/message[@field="state"]/@key'), 'processes.filter.invalid', 'told at the field');
is(xp($d, '/page/instances/@total'), 63, 'the other filters still apply');
($d, $r) = ids("process=$key&from=2025-02-30");
is($r->code, 422, 'an impossible date: 422');
is(xp($d, '/page/messages/message[@field="from"]/@key'), 'processes.filter.date', 'told at the field');
($d, $r) = ids("process=$key&from=2025-03-03&to=2025-03-01");
is(xp($d, '/page/messages/message[@field="to"]/@key'), 'processes.filter.order', 'an end before the start');
($d, $r) = ids('version=1');
is($r->code, 422, 'a version without its process: 422');
is(xp($d, '/page/messages/message[@field="version"]/@key'), 'processes.filter.version-alone', 'asks for the process');
($d, $r) = ids('process=a%2Fb');
is(xp($d, '/page/messages/message[@field="process"]/@key'), 'processes.filter.invalid', 'a key that is none');
($d, $r, $ids) = ids("process=$key&page=99");
is(xp($d, '/page/instances/pager/@page'), 2, 'a page past the end shows the last');

# The HTML: the table pattern, the filter form keeping its values, the pager keeping the filters.
my $html = $c->get("/admin/processes/instances?process=$key&key=$tag-B")->decoded_content;
like($html, qr{<div class="table-scroll" role="region" tabindex="0" aria-labelledby="instances-caption">},
    'the shared table pattern');
like($html, qr{<option value="\Q$key\E" selected="selected">}, 'the process kept in the form');
like($html, qr{<input type="hidden" name="key" value="\Q$tag\E-B" />}, 'the pager keeps the filters');

done_testing();
