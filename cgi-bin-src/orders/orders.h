/*
 * The orders worker (/orders/): the product catalogue with its prices,
 * and its maintenance by the provider's staff.  Each file is one page
 * group (routes, statements, views), listed in main.c; the cart, orders,
 * invoices, returns, offers and the integration API come as groups of
 * their own.
 */
#ifndef ORDERS_H
#define ORDERS_H

#include "portico.h"

#endif
