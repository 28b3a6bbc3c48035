/* JSON string literals: escaping of quotes, backslashes and control characters; UTF-8 kept. */
#include "portico.h"
#include "tap.h"

int
main(void)
{
	struct pt_req *req = pt_req_new("test");

	is_str(pt_json_str(req, NULL), "null", "NULL is null");
	is_str(pt_json_str(req, ""), "\"\"", "empty string");
	is_str(pt_json_str(req, "Anna \"A\" \\ B"), "\"Anna \\\"A\\\" \\\\ B\"", "quote and backslash");
	is_str(pt_json_str(req, "a\nb\tc\x01"), "\"a\\nb\\tc\\u0001\"", "control characters");
	is_str(pt_json_str(req, "Grüße"), "\"Grüße\"", "UTF-8 passes through");
	is_str(pt_json_str(req, "</script>"), "\"</script>\"", "no HTML escaping (not for HTML)");
	pt_req_free(req);
	return done_testing();
}
