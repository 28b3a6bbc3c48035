#!/bin/sh
# portico-admin process check and draw: the shipped models are accepted,
# a broken one refused with its line, a missing file named, and a model
# drawn as SVG in German; all without any configuration.
src=${PT_SRCDIR:-$(dirname "$0")/../..}
admin=./cgi-bin-src/admin/portico-admin
PORTICO_CONF=/nonexistent/portico.conf
export PORTICO_CONF
n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
echo "1..9"

out=$("$admin" process check "$src"/processes/order-approval.bpmn "$src"/processes/return-handling.bpmn \
	"$src"/processes/ticket-escalation.bpmn "$src"/processes/customer-onboarding.bpmn); rc=$?
ok "$rc" "the shipped processes are accepted"
[ "$(printf '%s\n' "$out" | grep -c ': ok: ')" = 4 ]; ok $? "one ok line for each"
printf '%s\n' "$out" | grep -q 'order-approval.bpmn: ok: order-approval "Order approval above budget", [0-9]* elements$'
ok $? "naming the process"

out=$("$admin" process check "$src"/processes/order-approval.bpmn \
	"$src"/t/unit/fixtures/bpmn/import-error-boundaryEvent-missingAttachToRef.bpmn); rc=$?
[ "$rc" = 1 ]; ok $? "a broken model fails the check"
printf '%s\n' "$out" | grep -q 'missingAttachToRef.bpmn: line 5: boundaryEvent "BoundaryEvent_1" is attached to nothing (no attachedToRef)$'
ok $? "with the element, its id and its line"

out=$("$admin" process check "$src"/no-such.bpmn); rc=$?
[ "$rc" = 1 ] && printf '%s\n' "$out" | grep -q 'no-such.bpmn: cannot be read: No such file or directory'
ok $? "a missing file is named"

out=$("$admin" process draw --lang de "$src"/processes/order-approval.bpmn); rc=$?
ok "$rc" "a model draws"
printf '%s\n' "$out" | grep -q '<svg xmlns="http://www.w3.org/2000/svg"' &&
	printf '%s\n' "$out" | grep -q '<title>Bestellung freigeben</title>'
ok $? "as SVG, in German"

"$admin" process draw "$src"/t/unit/fixtures/bpmn/draw-xor.bpmn >/dev/null; rc=$?
[ "$rc" = 1 ]; ok $? "a refused model does not draw"
