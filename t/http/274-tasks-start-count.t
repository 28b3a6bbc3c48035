# The start page says how many tasks wait for the reader (assigned to them
# and open, or offered to one of their roles and nobody's), linking to the
# inbox, and the navigation's Tasks carries the same count: for agents
# (whose desk box reads the count in the same statement) and everyone
# else, in the kept start page as well as a fresh one.  A reader who is
# no agent gets the count their worker process keeps for two seconds at
# most (so the kept page costs no statement), forgotten at once when they
# change a task themselves.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Tasks;

my $role = ts_flow_role_make();
my ($me, undef, $c) = ts_person(roles => [$role]);
my ($other) = ts_person(roles => [$role]);

sub count_of {
    my ($client) = @_;
    my ($doc, $res) = $client->get_xml('/');
    is($res->code, 200, 'the start page');
    is(xp($doc, '/page/start/tasks/@href'), '/tasks/', 'links to the inbox');
    is(xp($doc, '/page/nav/section[@name="tasks"]/@count'), xp($doc, '/page/start/tasks/@count'),
        'the navigation says the same');
    return xp($doc, '/page/start/tasks/@count');
}

is(count_of($c), '0', 'nothing waits');

ts_task(roles => [$role]) for 1 .. 3;
ts_task(roles => [$role], assignee => $me);
ts_task(roles => [$role], assignee => $me, state => 'completing');
ts_task(roles => [$role], assignee => $other);
ts_task(roles => [$role], state => 'completed');
ts_task(org => BERGMANN, roles => [$role]);
is(count_of($c), '4', 'three offered and one assigned; not what is done, someone else\'s or elsewhere');

subtest 'the kept page' => sub {
    my $html = $c->get('/');
    $html = $c->get('/');
    is($html->header('X-Portico-Cache') // '', 'hit', 'the start page is kept');
    my $dom = XML::LibXML->load_html(string => $html->decoded_content, recover => 2, suppress_errors => 1);
    like(xp($dom, '//section[.//a[@href="/tasks/"]]//span[@class="desk-count"]'), qr/^4$/,
        'the count is filled in for the reader');
    like(xp($dom, '//nav[contains(@class, "primary-nav")]//a[@href="/tasks/"]'), qr/Tasks\s*4/, 'and in the navigation');
    my $kept_count = sub {
        my $d = XML::LibXML->load_html(string => $c->get('/')->decoded_content, recover => 2, suppress_errors => 1);
        return xp($d, '//section[.//a[@href="/tasks/"]]//span[@class="desk-count"]');
    };
    my $new;
    {
        # flowd makes one; nobody outdates anything by hand.
        local $Portico::Test::FORGET_ON_WRITE = 0;
        $new = ts_flow_task();
    }
    ok(wait_until(5, sub { $kept_count->() eq '5' }), 'a task flowd makes counts within a few seconds');
    my (undef, $res) = or_post($c, "/tasks/$new/complete", ['f-approved' => 'yes', 'f-amount' => '1']);
    is($res->code, 303, 'the reader completes one');
    is($kept_count->(), '4', 'their own change counts at once');
    ok(flow_wait(10, sub { ts_task_row($new)->{state} eq 'completed' }), 'and flowd completes it');
    is($kept_count->(), '4', 'still four');
};

subtest 'an agent' => sub {
    my ($agent_id, undef, $agent) = ts_person(org => PROVIDER, roles => ['agent']);
    my $before = count_of($agent);
    ts_task(org => PROVIDER, roles => ['agent'], assignee => $agent_id);
    is(count_of($agent), $before + 1, 'their task counts');
    my ($doc) = $agent->get_xml('/');
    ok(xp_count($doc, '/page/start/desk/view'), 'next to the desk box');
};

done_testing;
