<?xml version="1.0" encoding="UTF-8"?>
<!--
  An order (view "order"): its number, status and facts, the delivery
  address, the lines with price, tax and totals, the tax per rate, the
  timeline with the shipments, and what the reader may do: approve or reject it (approvers,
  with a comment), cancel it while nothing is shipped, order it again.
  Data: /page/order; the comment kept after a 422 in
  /page/form[@name='decision' or @name='cancel'].
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
  <xsl:variable name="cur" select="string($o/@currency)"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.order.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($o/@number)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="money">
    <xsl:param name="minor"/>
    <xsl:call-template name="or-money">
      <xsl:with-param name="minor" select="$minor"/>
      <xsl:with-param name="currency" select="$cur"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/history'"/>
      <xsl:with-param name="key" select="'orders.order.back'"/>
    </xsl:call-template>
    <header class="or-order-head">
      <p class="eyebrow">
        <xsl:call-template name="pt-datetime">
          <xsl:with-param name="iso" select="string($o/@created)"/>
        </xsl:call-template>
      </p>
      <h1><xsl:apply-templates select="." mode="title"/></h1>
      <p>
        <xsl:call-template name="or-status"><xsl:with-param name="status" select="string($o/@status)"/></xsl:call-template>
        <xsl:if test="$o/@status = 'awaiting_approval'">
          <xsl:text> </xsl:text>
          <span class="or-why">
            <xsl:call-template name="or-reason"><xsl:with-param name="reason" select="string($o/@budget-reason)"/></xsl:call-template>
          </span>
        </xsl:if>
      </p>
    </header>

    <xsl:if test="$o/actions/@decide">
      <xsl:call-template name="decide"/>
    </xsl:if>
    <xsl:call-template name="lines"/>
    <div class="or-layout">
      <div class="or-main">
        <xsl:call-template name="or-returns"/>
        <xsl:call-template name="or-timeline"/>
      </div>

      <aside class="or-aside">
        <xsl:call-template name="or-order-facts"/>
        <xsl:call-template name="or-invoices"/>
        <xsl:if test="$o/actions/@repeat or $o/actions/@cancel or $o/actions/@return">
          <section class="card or-order-actions" aria-labelledby="actions-title">
            <h2 id="actions-title"><xsl:value-of select="pt:t('orders.order.actions')"/></h2>
            <xsl:if test="$o/actions/@return">
              <p class="hint"><xsl:value-of select="pt:t('orders.order.return.hint')"/></p>
              <p><a class="btn btn-secondary" href="{$o/@href}/return"><xsl:value-of select="pt:t('orders.order.return')"/></a></p>
            </xsl:if>
            <xsl:if test="$o/actions/@repeat">
              <form method="post" action="{$o/@href}/repeat">
                <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                <p class="hint"><xsl:value-of select="pt:t('orders.order.repeat.hint')"/></p>
                <p><button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.order.repeat')"/></button></p>
              </form>
            </xsl:if>
            <xsl:if test="$o/actions/@cancel">
              <form method="post" action="{$o/@href}/cancel" novalidate="novalidate">
                <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                <xsl:call-template name="or-input">
                  <xsl:with-param name="name" select="'cancel_comment'"/>
                  <xsl:with-param name="label-key" select="'orders.order.cancel.comment'"/>
                  <xsl:with-param name="rows" select="2"/>
                </xsl:call-template>
                <p><button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('orders.order.cancel')"/></button></p>
              </form>
            </xsl:if>
          </section>
        </xsl:if>
      </aside>
    </div>
  </xsl:template>

  <!-- Approve or reject, with a comment (required to reject). -->
  <xsl:template name="decide">
    <section class="card or-decide" aria-labelledby="decide-title">
      <h2 id="decide-title"><xsl:value-of select="pt:t('orders.approval.decide')"/></h2>
      <xsl:choose>
        <xsl:when test="$o/actions/@decide = 'own'">
          <p><xsl:value-of select="pt:t('orders.approval.own')"/></p>
        </xsl:when>
        <xsl:when test="$o/actions/@decide = 'recorded'">
          <p role="status"><xsl:value-of select="pt:t('orders.approval.recorded')"/></p>
        </xsl:when>
        <xsl:when test="$o/actions/@decide = 'other'">
          <p><xsl:value-of select="pt:t('orders.approval.other')"/></p>
        </xsl:when>
        <xsl:when test="$o/actions/@decide = 'preparing'">
          <p role="status"><xsl:value-of select="pt:t('orders.approval.preparing')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="{$o/@href}/approve" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'comment'"/>
              <xsl:with-param name="label-key" select="'orders.approval.comment'"/>
              <xsl:with-param name="hint-key" select="'orders.approval.comment.hint'"/>
              <xsl:with-param name="rows" select="3"/>
            </xsl:call-template>
            <p class="or-decide-buttons">
              <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.approval.approve')"/></button>
              <button type="submit" class="btn btn-danger" formaction="{$o/@href}/reject"><xsl:value-of select="pt:t('orders.approval.reject')"/></button>
            </p>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="lines">
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
      <table class="data-table or-table">
        <caption id="lines-caption"><xsl:value-of select="pt:t('orders.order.lines')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.quantity')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.price')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.net')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.tax')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.gross')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$o/lines/line">
            <tr>
              <th scope="row" class="or-product-cell">
                <xsl:value-of select="name"/>
                <span class="or-summary or-sku"><xsl:value-of select="@sku"/></span>
              </th>
              <td class="num">
                <xsl:value-of select="@quantity"/>
                <xsl:text> </xsl:text>
                <span class="or-per"><xsl:value-of select="pt:t(concat('orders.unit.', @unit))"/></span>
              </td>
              <td class="num">
                <xsl:call-template name="money"><xsl:with-param name="minor" select="@unit-minor"/></xsl:call-template>
                <xsl:if test="@contract = '1'">
                  <span class="status-badge or-contract"><xsl:value-of select="pt:t('orders.price.contract')"/></span>
                </xsl:if>
              </td>
              <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@net"/></xsl:call-template></td>
              <td class="num">
                <xsl:call-template name="money"><xsl:with-param name="minor" select="@tax"/></xsl:call-template>
                <span class="or-rate-note"><xsl:call-template name="or-rate"><xsl:with-param name="bp" select="@rate-bp"/></xsl:call-template></span>
              </td>
              <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@gross"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
        <tfoot>
          <xsl:for-each select="$o/taxes/tax">
            <tr class="or-tax-row">
              <th scope="row" colspan="3">
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.order.tax-at'"/>
                  <xsl:with-param name="name" select="'rate'"/>
                  <xsl:with-param name="value"><xsl:call-template name="or-rate"><xsl:with-param name="bp" select="@rate-bp"/></xsl:call-template></xsl:with-param>
                </xsl:call-template>
              </th>
              <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@net"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@tax"/></xsl:call-template></td>
              <td></td>
            </tr>
          </xsl:for-each>
          <tr>
            <th scope="row" colspan="3"><xsl:value-of select="pt:t('orders.cart.total')"/></th>
            <td class="num"><strong><xsl:call-template name="money"><xsl:with-param name="minor" select="$o/totals/@net"/></xsl:call-template></strong></td>
            <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="$o/totals/@tax"/></xsl:call-template></td>
            <td class="num"><strong><xsl:call-template name="money"><xsl:with-param name="minor" select="$o/totals/@gross"/></xsl:call-template></strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
