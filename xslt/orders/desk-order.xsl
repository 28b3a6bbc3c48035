<?xml version="1.0" encoding="UTF-8"?>
<!--
  An order on the provider's order desk (view "desk-order"): its status,
  the forms that move it on (confirm; ship lines and quantities with
  carrier and tracking; mark a shipment delivered on a day; cancel with a
  reason), its lines with what has left of each, its shipments, its facts
  and timeline.  Data: /page/order with actions (@confirm, @ship,
  @deliver, @cancel, @today); values kept after a 422 in
  /page/form[@name='ship' | 'cancel' | 'deliver-N'].
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="order-parts.xsl"/>
  <xsl:include href="invoice-common.xsl"/>

  <xsl:variable name="o" select="/page/order"/>
  <xsl:variable name="a" select="$o/actions"/>
  <xsl:variable name="cur" select="string($o/@currency)"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.order.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($o/@number)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/desk'"/>
      <xsl:with-param name="key" select="'orders.desk.back'"/>
    </xsl:call-template>
    <header class="or-order-head">
      <p class="eyebrow">
        <xsl:value-of select="$o/org"/>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="pt-datetime">
          <xsl:with-param name="iso" select="string($o/@created)"/>
        </xsl:call-template>
      </p>
      <h1><xsl:apply-templates select="." mode="title"/></h1>
      <p><xsl:call-template name="or-status"><xsl:with-param name="status" select="string($o/@status)"/></xsl:call-template></p>
    </header>

    <xsl:if test="$a/@confirm">
      <section class="card or-desk-step" aria-labelledby="confirm-title">
        <h2 id="confirm-title"><xsl:value-of select="pt:t('orders.desk.confirm.title')"/></h2>
        <form method="post" action="{$o/@desk-href}/confirm">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <p class="hint"><xsl:value-of select="pt:t('orders.desk.confirm.hint')"/></p>
          <p><button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.desk.confirm')"/></button></p>
        </form>
      </section>
    </xsl:if>

    <xsl:choose>
      <xsl:when test="$a/@ship">
        <section class="card or-desk-step" aria-labelledby="ship-title">
          <h2 id="ship-title"><xsl:value-of select="pt:t('orders.desk.ship.title')"/></h2>
          <form method="post" action="{$o/@desk-href}/ship" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <p class="hint" id="lines-hint"><xsl:value-of select="pt:t('orders.desk.ship.hint')"/></p>
            <xsl:call-template name="or-errors"><xsl:with-param name="name" select="'lines'"/></xsl:call-template>
            <xsl:call-template name="lines"><xsl:with-param name="ship" select="true()"/></xsl:call-template>
            <div class="or-ship-fields">
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'carrier'"/>
                <xsl:with-param name="label-key" select="'orders.shipment.carrier'"/>
                <xsl:with-param name="required" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'tracking_number'"/>
                <xsl:with-param name="label-key" select="'orders.shipment.tracking'"/>
              </xsl:call-template>
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'tracking_url'"/>
                <xsl:with-param name="label-key" select="'orders.desk.tracking-url'"/>
                <xsl:with-param name="hint-key" select="'orders.desk.tracking-url.hint'"/>
                <xsl:with-param name="inputmode" select="'url'"/>
              </xsl:call-template>
            </div>
            <p><button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.desk.ship')"/></button></p>
          </form>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="lines"/>
      </xsl:otherwise>
    </xsl:choose>

    <div class="or-layout">
      <div class="or-main">
        <xsl:if test="$o/shipments/shipment">
          <section class="card" aria-labelledby="shipments-title">
            <h2 id="shipments-title"><xsl:value-of select="pt:t('orders.desk.shipments')"/></h2>
            <xsl:for-each select="$o/shipments/shipment">
              <xsl:call-template name="or-shipment"><xsl:with-param name="s" select="."/></xsl:call-template>
              <xsl:if test="$a/@deliver and not(@delivered)">
                <xsl:call-template name="deliver"/>
              </xsl:if>
            </xsl:for-each>
          </section>
        </xsl:if>
        <xsl:call-template name="or-returns"/>
        <xsl:call-template name="or-timeline">
          <xsl:with-param name="shipments" select="false()"/>
        </xsl:call-template>
      </div>
      <aside class="or-aside">
        <xsl:call-template name="or-order-facts"/>
        <xsl:call-template name="or-invoices"><xsl:with-param name="issue" select="true()"/></xsl:call-template>
        <xsl:if test="$a/@cancel">
          <section class="card or-order-actions" aria-labelledby="cancel-title">
            <h2 id="cancel-title"><xsl:value-of select="pt:t('orders.desk.cancel.title')"/></h2>
            <form method="post" action="{$o/@desk-href}/cancel" novalidate="novalidate">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'reason'"/>
                <xsl:with-param name="label-key" select="'orders.desk.cancel.reason'"/>
                <xsl:with-param name="hint-key" select="'orders.desk.cancel.hint'"/>
                <xsl:with-param name="required" select="true()"/>
                <xsl:with-param name="rows" select="3"/>
              </xsl:call-template>
              <p><button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('orders.desk.cancel')"/></button></p>
            </form>
          </section>
        </xsl:if>
      </aside>
    </div>
  </xsl:template>

  <!-- Mark the current shipment delivered on a day (today unless typed). -->
  <xsl:template name="deliver">
    <xsl:variable name="field" select="concat('delivered_on_', @no)"/>
    <xsl:variable name="kept" select="/page/form[@name = concat('deliver-', current()/@no)]/field[@name = $field]"/>
    <form class="or-deliver" method="post" action="{$o/@desk-href}/shipments/{@no}/delivered" novalidate="novalidate">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <div>
        <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="$field"/></xsl:call-template>
        <label for="{$field}">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.desk.delivered-on'"/>
            <xsl:with-param name="name" select="'no'"/>
            <xsl:with-param name="value" select="string(@no)"/>
          </xsl:call-template>
        </label>
        <xsl:call-template name="or-errors"><xsl:with-param name="name" select="$field"/></xsl:call-template>
        <input type="date" id="{$field}" name="delivered_on" class="or-date">
          <xsl:attribute name="value">
            <xsl:choose>
              <xsl:when test="$kept"><xsl:value-of select="$kept"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$a/@today"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="or-aria"><xsl:with-param name="name" select="$field"/></xsl:call-template>
        </input>
      </div>
      <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.desk.deliver')"/></button>
    </form>
  </xsl:template>

  <!-- The lines with what has left of each; with $ship a quantity to ship now per line. -->
  <xsl:template name="lines">
    <xsl:param name="ship" select="false()"/>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
      <table class="data-table or-table">
        <caption id="lines-caption"><xsl:value-of select="pt:t('orders.order.lines')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
            <xsl:if test="$ship">
              <th scope="col"><xsl:value-of select="pt:t('orders.desk.col.ship-now')"/></th>
            </xsl:if>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.desk.col.left')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.desk.col.shipped')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.desk.col.ordered')"/></th>
            <xsl:if test="not($ship)">
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.gross')"/></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$o/lines/line">
            <xsl:variable name="left" select="@quantity - @shipped"/>
            <xsl:variable name="field" select="concat('qty_', @no)"/>
            <tr>
              <th scope="row" class="or-product-cell" id="line-{@no}">
                <xsl:value-of select="name"/>
                <span class="or-summary or-sku"><xsl:value-of select="@sku"/></span>
              </th>
              <xsl:if test="$ship">
                <td>
                  <xsl:call-template name="or-field-class">
                    <xsl:with-param name="name" select="$field"/>
                    <xsl:with-param name="base" select="'field or-ship-qty'"/>
                  </xsl:call-template>
                  <xsl:choose>
                    <xsl:when test="$left &gt; 0 or /page/form[@name = 'ship']/field[@name = $field]">
                      <label for="{$field}" class="visually-hidden">
                        <xsl:call-template name="or-fill">
                          <xsl:with-param name="key" select="'orders.desk.ship-qty'"/>
                          <xsl:with-param name="name" select="'product'"/>
                          <xsl:with-param name="value" select="string(name)"/>
                        </xsl:call-template>
                      </label>
                      <xsl:call-template name="or-errors"><xsl:with-param name="name" select="$field"/></xsl:call-template>
                      <input type="text" inputmode="numeric" id="{$field}" name="{$field}" size="5" maxlength="5">
                        <xsl:attribute name="value">
                          <xsl:choose>
                            <xsl:when test="/page/form[@name = 'ship']"><xsl:value-of select="/page/form[@name = 'ship']/field[@name = $field]"/></xsl:when>
                            <xsl:otherwise><xsl:value-of select="$left"/></xsl:otherwise>
                          </xsl:choose>
                        </xsl:attribute>
                        <xsl:call-template name="or-aria"><xsl:with-param name="name" select="$field"/></xsl:call-template>
                      </input>
                    </xsl:when>
                    <xsl:otherwise><span class="or-why"><xsl:value-of select="pt:t('orders.desk.all-shipped')"/></span></xsl:otherwise>
                  </xsl:choose>
                </td>
              </xsl:if>
              <td class="num"><xsl:value-of select="$left"/></td>
              <td class="num"><xsl:value-of select="@shipped"/></td>
              <td class="num nowrap">
                <xsl:value-of select="@quantity"/>
                <xsl:text> </xsl:text>
                <span class="or-per"><xsl:value-of select="pt:t(concat('orders.unit.', @unit))"/></span>
              </td>
              <xsl:if test="not($ship)">
                <td class="num">
                  <xsl:call-template name="or-money">
                    <xsl:with-param name="minor" select="@gross"/>
                    <xsl:with-param name="currency" select="$cur"/>
                  </xsl:call-template>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
