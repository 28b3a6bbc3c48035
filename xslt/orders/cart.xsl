<?xml version="1.0" encoding="UTF-8"?>
<!--
  The cart (view "cart", orders.place): after "order again" what changed;
  the lines with their quantities, prices, tax and totals; a quick order
  by SKU; the buyer's budget; and the checkout form.  Data:
  /page/cart-page (cart, addresses, budget, repeat) and the forms
  checkout, add and cart in /page/form.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="p" select="/page/cart-page"/>
  <xsl:variable name="c" select="$p/cart"/>
  <xsl:variable name="b" select="$p/budget"/>
  <xsl:variable name="cur" select="string($c/@currency)"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('orders.cart.title')"/>
  </xsl:template>

  <xsl:template name="money">
    <xsl:param name="minor"/>
    <xsl:call-template name="or-money">
      <xsl:with-param name="minor" select="$minor"/>
      <xsl:with-param name="currency" select="$cur"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.cart.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.cart.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-secondary" href="/orders/"><xsl:value-of select="pt:t('orders.cart.browse')"/></a>
      </p>
    </div>

    <xsl:apply-templates select="$p/repeat"/>

    <xsl:choose>
      <xsl:when test="$c/line">
        <xsl:call-template name="lines"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('orders.cart.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <div class="or-cart-grid">
      <xsl:call-template name="quick-add"/>
      <xsl:call-template name="budget"/>
    </div>

    <xsl:if test="$c/line">
      <xsl:call-template name="checkout"/>
    </xsl:if>
  </xsl:template>

  <!-- What "order again" found: prices that changed, products no longer sold. -->
  <xsl:template match="repeat">
    <section class="card or-repeat" aria-labelledby="repeat-title">
      <h2 id="repeat-title">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('orders.repeat.title')"/>
          <xsl:with-param name="name" select="'number'"/>
          <xsl:with-param name="value"><a href="{@href}"><xsl:value-of select="@number"/></a></xsl:with-param>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="changed or gone">
          <ul class="or-repeat-list">
            <xsl:for-each select="changed">
              <li class="or-repeat-changed">
                <span class="status-badge or-change-changed"><xsl:value-of select="pt:t('orders.repeat.changed')"/></span>
                <xsl:text> </xsl:text>
                <strong><xsl:value-of select="name"/></strong>
                <xsl:text> (</xsl:text><span class="or-sku"><xsl:value-of select="@sku"/></span><xsl:text>): </xsl:text>
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@then-minor"/>
                  <xsl:with-param name="currency" select="@then-currency"/>
                </xsl:call-template>
                <xsl:text> → </xsl:text>
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@now-minor"/>
                  <xsl:with-param name="currency" select="@now-currency"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
            <xsl:for-each select="gone">
              <li class="or-repeat-gone">
                <span class="status-badge or-change-gone"><xsl:value-of select="pt:t('orders.repeat.gone')"/></span>
                <xsl:text> </xsl:text>
                <strong><xsl:value-of select="name"/></strong>
                <xsl:text> (</xsl:text><span class="or-sku"><xsl:value-of select="@sku"/></span><xsl:text>): </xsl:text>
                <xsl:value-of select="pt:t('orders.repeat.gone.text')"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="pt:t('orders.repeat.same')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The lines: a form of quantities, each line with a button that removes it. -->
  <xsl:template name="lines">
    <form method="post" action="/orders/cart" class="or-cart-form">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="cart-caption">
        <table class="data-table or-table or-cart-table">
          <caption id="cart-caption">
            <xsl:value-of select="pt:t('orders.cart.lines')"/>
            <xsl:if test="$c/@country">
              <span class="or-caption-note">
                <xsl:text> </xsl:text>
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.cart.taxed-for'"/>
                  <xsl:with-param name="name" select="'country'"/>
                  <xsl:with-param name="value">
                    <xsl:call-template name="or-country"><xsl:with-param name="code" select="string($c/@country)"/></xsl:call-template>
                  </xsl:with-param>
                </xsl:call-template>
              </span>
            </xsl:if>
          </caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.price')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.cart.col.quantity')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.net')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.tax')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.gross')"/></th>
              <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('orders.cart.col.remove')"/></span></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$c/line">
              <xsl:variable name="field" select="concat('qty-', @product-id)"/>
              <xsl:variable name="posted" select="/page/form[@name = 'cart']/field[@name = $field]"/>
              <tr>
                <xsl:if test="@orderable != '1'"><xsl:attribute name="class">or-line-gone</xsl:attribute></xsl:if>
                <th scope="row" class="or-product-cell">
                  <a href="{@href}"><xsl:value-of select="name"/></a>
                  <span class="or-summary or-sku"><xsl:value-of select="@sku"/></span>
                  <xsl:if test="@orderable != '1'">
                    <span class="status-badge or-change-gone"><xsl:value-of select="pt:t('orders.cart.not-sold')"/></span>
                  </xsl:if>
                </th>
                <td class="num">
                  <xsl:call-template name="or-price">
                    <xsl:with-param name="price" select="price"/>
                    <xsl:with-param name="unit" select="''"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:if test="/page/messages/message[@field = $field]">
                    <xsl:attribute name="class">has-error</xsl:attribute>
                  </xsl:if>
                  <label class="visually-hidden" for="{$field}">
                    <xsl:call-template name="or-fill">
                      <xsl:with-param name="key" select="'orders.cart.quantity-of'"/>
                      <xsl:with-param name="name" select="'product'"/>
                      <xsl:with-param name="value" select="string(name)"/>
                    </xsl:call-template>
                  </label>
                  <xsl:call-template name="or-errors"><xsl:with-param name="name" select="$field"/></xsl:call-template>
                  <input type="text" inputmode="numeric" id="{$field}" name="{$field}" size="5" class="or-qty">
                    <xsl:attribute name="value">
                      <xsl:choose>
                        <xsl:when test="$posted"><xsl:value-of select="$posted"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="@quantity"/></xsl:otherwise>
                      </xsl:choose>
                    </xsl:attribute>
                    <xsl:call-template name="or-aria"><xsl:with-param name="name" select="$field"/></xsl:call-template>
                  </input>
                  <xsl:text> </xsl:text>
                  <span class="or-per"><xsl:value-of select="pt:t(concat('orders.unit.', @unit))"/></span>
                </td>
                <xsl:choose>
                  <xsl:when test="amounts">
                    <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="amounts/@net"/></xsl:call-template></td>
                    <td class="num">
                      <xsl:if test="string(@rate-bp) != ''">
                        <xsl:call-template name="money"><xsl:with-param name="minor" select="amounts/@tax"/></xsl:call-template>
                        <span class="or-rate-note"><xsl:call-template name="or-rate"><xsl:with-param name="bp" select="@rate-bp"/></xsl:call-template></span>
                      </xsl:if>
                    </td>
                    <td class="num"><xsl:if test="string(@rate-bp) != ''"><xsl:call-template name="money"><xsl:with-param name="minor" select="amounts/@gross"/></xsl:call-template></xsl:if></td>
                  </xsl:when>
                  <xsl:otherwise><td></td><td></td><td></td></xsl:otherwise>
                </xsl:choose>
                <td>
                  <button type="submit" name="remove" value="{@product-id}" class="or-link-button">
                    <xsl:value-of select="pt:t('orders.cart.remove')"/>
                    <span class="visually-hidden"><xsl:value-of select="concat(': ', name)"/></span>
                  </button>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3"><xsl:value-of select="pt:t('orders.cart.total')"/></th>
              <td class="num"><strong><xsl:call-template name="money"><xsl:with-param name="minor" select="$c/totals/@net"/></xsl:call-template></strong></td>
              <td class="num">
                <xsl:if test="$c/@country"><xsl:call-template name="money"><xsl:with-param name="minor" select="$c/totals/@tax"/></xsl:call-template></xsl:if>
              </td>
              <td class="num">
                <xsl:if test="$c/@country"><strong><xsl:call-template name="money"><xsl:with-param name="minor" select="$c/totals/@gross"/></xsl:call-template></strong></xsl:if>
              </td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="or-actions">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.cart.update')"/></button>
        <span class="hint"><xsl:value-of select="pt:t('orders.cart.update.hint')"/></span>
      </p>
    </form>
  </xsl:template>

  <!-- Quick order: a SKU and a quantity. -->
  <xsl:template name="quick-add">
    <section class="card or-quick" aria-labelledby="quick-title">
      <h2 id="quick-title"><xsl:value-of select="pt:t('orders.cart.quick')"/></h2>
      <form method="post" action="/orders/cart/add" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="or-quick-fields">
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'sku'"/>
            <xsl:with-param name="label-key" select="'orders.cart.sku'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="class" select="'or-quick-sku'"/>
          </xsl:call-template>
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'quantity'"/>
            <xsl:with-param name="label-key" select="'orders.cart.quantity'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
            <xsl:with-param name="class" select="'or-quick-qty'"/>
          </xsl:call-template>
        </div>
        <p><button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.cart.add')"/></button></p>
      </form>
    </section>
  </xsl:template>

  <!-- The buyer's limits, what the month has used, and whether this cart needs approval. -->
  <xsl:template name="budget">
    <section class="card or-budget" aria-labelledby="budget-title">
      <h2 id="budget-title"><xsl:value-of select="pt:t('orders.budget.title')"/></h2>
      <dl class="facts facts-stacked">
        <div>
          <dt><xsl:value-of select="pt:t('orders.budget.order')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$b/@order-limit">
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="$b/@order-limit"/>
                  <xsl:with-param name="currency" select="$b/@currency"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('orders.budget.none')"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <div>
          <dt><xsl:value-of select="pt:t('orders.budget.month')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$b/@month-limit">
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="$b/@month-limit"/>
                  <xsl:with-param name="currency" select="$b/@currency"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('orders.budget.none')"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <div>
          <dt>
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.budget.spent'"/>
              <xsl:with-param name="name" select="'since'"/>
              <xsl:with-param name="value" select="pt:time(string($b/@month-from), 'date')"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:call-template name="or-money">
              <xsl:with-param name="minor" select="$b/@month-spent"/>
              <xsl:with-param name="currency" select="$b/@currency"/>
            </xsl:call-template>
          </dd>
        </div>
      </dl>
      <xsl:if test="$c/line">
        <xsl:choose>
          <xsl:when test="$b/@over">
            <p class="alert alert-info or-needs-approval">
              <xsl:value-of select="pt:t(concat('orders.budget.needs-approval.', $b/@over))"/>
            </p>
          </xsl:when>
          <xsl:otherwise>
            <p class="or-within"><xsl:value-of select="pt:t('orders.budget.within')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Checkout: address, PO, cost centre, requested date, note; the total seen goes along. -->
  <xsl:template name="checkout">
    <section class="card or-checkout" aria-labelledby="checkout-title">
      <h2 id="checkout-title"><xsl:value-of select="pt:t('orders.checkout.title')"/></h2>
      <xsl:choose>
        <xsl:when test="not($p/addresses/address)">
          <p class="alert alert-info">
            <xsl:value-of select="pt:t('orders.checkout.no-address')"/>
            <xsl:if test="$pt-user/permission = 'orders.addresses'">
              <xsl:text> </xsl:text>
              <a href="/orders/addresses/new"><xsl:value-of select="pt:t('orders.addresses.new')"/></a>
            </xsl:if>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/orders/checkout" class="form or-form" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="expected" value="{/page/form[@name = 'checkout']/field[@name = 'expected']}"/>
            <div>
              <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'address'"/></xsl:call-template>
              <xsl:call-template name="or-label">
                <xsl:with-param name="name" select="'address'"/>
                <xsl:with-param name="label-key" select="'orders.checkout.address'"/>
                <xsl:with-param name="hint-key" select="'orders.checkout.address.hint'"/>
                <xsl:with-param name="required" select="true()"/>
              </xsl:call-template>
              <select id="address" name="address">
                <xsl:call-template name="or-aria">
                  <xsl:with-param name="name" select="'address'"/>
                  <xsl:with-param name="hint" select="true()"/>
                </xsl:call-template>
                <xsl:for-each select="$p/addresses/address">
                  <option value="{@id}">
                    <xsl:if test="@current = '1'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="concat(label, ' – ', street, ', ', postal-code, ' ', city, ', ')"/>
                    <xsl:call-template name="or-country"><xsl:with-param name="code" select="string(@country)"/></xsl:call-template>
                  </option>
                </xsl:for-each>
              </select>
              <xsl:if test="$pt-user/permission = 'orders.addresses'">
                <p class="hint"><a href="/orders/addresses"><xsl:value-of select="pt:t('orders.checkout.manage-addresses')"/></a></p>
              </xsl:if>
            </div>
            <div class="or-pair">
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'po_number'"/>
                <xsl:with-param name="label-key" select="'orders.checkout.po'"/>
              </xsl:call-template>
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'cost_centre'"/>
                <xsl:with-param name="label-key" select="'orders.checkout.cost-centre'"/>
              </xsl:call-template>
            </div>
            <div>
              <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'requested_date'"/></xsl:call-template>
              <xsl:call-template name="or-label">
                <xsl:with-param name="name" select="'requested_date'"/>
                <xsl:with-param name="label-key" select="'orders.checkout.requested'"/>
                <xsl:with-param name="hint-key" select="'orders.checkout.requested.hint'"/>
              </xsl:call-template>
              <input type="date" id="requested_date" name="requested_date" class="or-date"
                  value="{/page/form[@name = 'checkout']/field[@name = 'requested_date']}">
                <xsl:call-template name="or-aria">
                  <xsl:with-param name="name" select="'requested_date'"/>
                  <xsl:with-param name="hint" select="true()"/>
                </xsl:call-template>
              </input>
            </div>
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'note'"/>
              <xsl:with-param name="label-key" select="'orders.checkout.note'"/>
              <xsl:with-param name="rows" select="3"/>
            </xsl:call-template>
            <p class="or-confirm-total">
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.checkout.total'"/>
                <xsl:with-param name="name" select="'total'"/>
                <xsl:with-param name="value">
                  <xsl:call-template name="money"><xsl:with-param name="minor" select="$c/totals/@gross"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </p>
            <p>
              <button type="submit" class="btn btn-primary">
                <xsl:if test="$c/@orderable != '1'"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="$b/@over"><xsl:value-of select="pt:t('orders.checkout.submit.approval')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="pt:t('orders.checkout.submit')"/></xsl:otherwise>
                </xsl:choose>
              </button>
            </p>
            <xsl:if test="$c/@orderable != '1'">
              <p class="hint"><xsl:value-of select="pt:t('orders.checkout.not-orderable')"/></p>
            </xsl:if>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
