#!/bin/sh
# No stylesheet may use disable-output-escaping: user data must always be
# escaped (DESIGN.md §5).  Fails the build's checks if one does.
dir=${PT_SRCDIR:-$(dirname "$0")/../..}/xslt
echo "1..2"
if [ -d "$dir" ] && ls "$dir"/layout.xsl >/dev/null 2>&1; then
	echo "ok 1 - stylesheets found in $dir"
else
	echo "not ok 1 - no stylesheets in $dir"
fi
hits=$(grep -rl 'disable-output-escaping' "$dir" 2>/dev/null)
if [ -z "$hits" ]; then
	echo "ok 2 - no disable-output-escaping in xslt/"
else
	echo "not ok 2 - disable-output-escaping in: $hits"
fi
