/*
 * portico-orders: the product catalogue and what is ordered from it.
 */
#include "orders.h"

static const char *const common_views[] = { "not-found", "forbidden", "unavailable", "error" };
static const struct pt_group common_group = {
	NULL, 0, NULL, 0, common_views, PT_NELEM(common_views)
};

static const struct pt_group *const groups[] = {
	&or_catalogue_group,
	&or_product_group,
	&or_admin_products_group,
	&or_admin_categories_group,
	&or_admin_contract_group,
	&or_admin_import_group,
	&or_cart_group,
	&or_checkout_group,
	&or_history_group,
	&or_order_group,
	&or_approval_group,
	&or_addresses_group,
	&or_order_common_group,
	&or_kept_group,
	&or_admin_integrations_group,
	&or_api_orders_group,
	&or_api_stock_group,
	&or_api_fulfil_group,
	&or_api_invoices_group,
	&or_fulfil_group,
	&or_desk_group,
	&or_offer_admin_group,
	&or_offer_files_group,
	&or_offer_group,
	&or_offer_common_group,
	&or_contracts_group,
	&pt_invoice_group,
	&pt_order_group,
	&pt_return_group,
	&or_invoices_group,
	&or_returns_group,
	&common_group,
};

int
main(void)
{
	static const struct pt_worker orders = {
		"orders", groups, PT_NELEM(groups), NULL, "orders"
	};

	return pt_main(&orders);
}
