<?xml version="1.0" encoding="UTF-8"?>
<!--
  An invoice or credit note to read and print (view "invoice"): the
  seller's and the buyer's addresses, the number, date, due date, order,
  shipment and PO number, the lines with price, rate and amounts, the tax
  per rate, the totals and the payment terms; its status, the PDF, and for
  the order desk "mark as paid".  orders.css prints it on A4 without the
  portal's chrome (@media print, body.view-invoice).  Data: /page/invoice.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="invoice-common.xsl"/>

  <xsl:variable name="i" select="/page/invoice"/>
  <xsl:variable name="cur" select="string($i/@currency)"/>
  <xsl:variable name="credit" select="$i/@kind = 'credit_note'"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="concat('orders.invoice.title.', $i/@kind)"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($i/@number)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="money">
    <xsl:param name="minor"/>
    <xsl:call-template name="or-money">
      <xsl:with-param name="minor" select="$minor"/>
      <xsl:with-param name="currency" select="$cur"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="party">
    <xsl:param name="p"/>
    <address class="inv-party">
      <strong><xsl:value-of select="$p/name"/></strong>
      <xsl:if test="string($p/street) != ''"><br/><xsl:value-of select="$p/street"/></xsl:if>
      <xsl:if test="string($p/street2) != ''"><br/><xsl:value-of select="$p/street2"/></xsl:if>
      <xsl:if test="string($p/city) != ''"><br/><xsl:value-of select="concat($p/postal-code, ' ', $p/city)"/></xsl:if>
      <xsl:if test="string($p/@country) != ''">
        <br/><xsl:call-template name="or-country"><xsl:with-param name="code" select="string($p/@country)"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="string($p/@vat-id) != ''">
        <br/>
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.invoice.vat-id'"/>
          <xsl:with-param name="name" select="'id'"/>
          <xsl:with-param name="value" select="string($p/@vat-id)"/>
        </xsl:call-template>
      </xsl:if>
    </address>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="inv-tools">
      <xsl:call-template name="or-back">
        <xsl:with-param name="href" select="'/orders/invoices'"/>
        <xsl:with-param name="key" select="'orders.invoice.back'"/>
      </xsl:call-template>
      <p class="admin-actions">
        <a class="btn btn-primary" href="{$i/@pdf}" type="application/pdf"><xsl:value-of select="pt:t('orders.invoice.pdf')"/></a>
      </p>
    </div>

    <article class="card inv-doc" aria-labelledby="inv-title">
      <header class="inv-head">
        <div>
          <p class="inv-label"><xsl:value-of select="pt:t('orders.invoice.from')"/></p>
          <xsl:call-template name="party"><xsl:with-param name="p" select="$i/seller"/></xsl:call-template>
        </div>
        <div class="inv-title-block">
          <h1 id="inv-title"><xsl:apply-templates select="." mode="title"/></h1>
          <p>
            <xsl:call-template name="inv-status">
              <xsl:with-param name="status" select="string($i/@status)"/>
              <xsl:with-param name="kind" select="string($i/@kind)"/>
            </xsl:call-template>
          </p>
        </div>
      </header>

      <div class="inv-parties">
        <div>
          <p class="inv-label"><xsl:value-of select="pt:t('orders.invoice.to')"/></p>
          <xsl:call-template name="party"><xsl:with-param name="p" select="$i/buyer"/></xsl:call-template>
        </div>
        <dl class="facts inv-facts">
          <div><dt><xsl:value-of select="pt:t('orders.invoice.number')"/></dt><dd><xsl:value-of select="$i/@number"/></dd></div>
          <div><dt><xsl:value-of select="pt:t('orders.invoice.issued')"/></dt><dd><xsl:call-template name="inv-date"><xsl:with-param name="day" select="$i/@issued"/></xsl:call-template></dd></div>
          <xsl:if test="not($credit)">
            <div><dt><xsl:value-of select="pt:t('orders.invoice.due')"/></dt><dd><xsl:call-template name="inv-date"><xsl:with-param name="day" select="$i/@due"/></xsl:call-template></dd></div>
          </xsl:if>
          <div>
            <dt><xsl:value-of select="pt:t('orders.invoice.order')"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="$i/@order-href"><a href="{$i/@order-href}"><xsl:value-of select="$i/@order"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="$i/@order"/></xsl:otherwise>
              </xsl:choose>
            </dd>
          </div>
          <xsl:if test="$i/@shipment">
            <div><dt><xsl:value-of select="pt:t('orders.invoice.shipment')"/></dt><dd><xsl:value-of select="$i/@shipment"/></dd></div>
          </xsl:if>
          <xsl:if test="string($i/po-number) != ''">
            <div><dt><xsl:value-of select="pt:t('orders.invoice.po')"/></dt><dd><xsl:value-of select="$i/po-number"/></dd></div>
          </xsl:if>
          <xsl:if test="$i/@paid-at">
            <div>
              <dt><xsl:value-of select="pt:t('orders.invoice.paid-at')"/></dt>
              <dd><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($i/@paid-at)"/><xsl:with-param name="style" select="'date'"/></xsl:call-template></dd>
            </div>
          </xsl:if>
        </dl>
      </div>

      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="inv-lines-caption">
        <table class="data-table or-table inv-lines">
          <caption id="inv-lines-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.invoice.lines')"/></caption>
          <thead>
            <tr>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.no')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.invoice.col.item')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.quantity')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.price')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.rate')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.net')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.gross')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$i/lines/line">
              <tr>
                <td class="num"><xsl:value-of select="@no"/></td>
                <th scope="row"><xsl:value-of select="name"/><xsl:text> </xsl:text><span class="or-sku"><xsl:value-of select="@sku"/></span></th>
                <td class="num nowrap"><xsl:value-of select="concat(@quantity, ' ', pt:t(concat('orders.unit.', @unit)))"/></td>
                <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@unit-minor"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="or-rate"><xsl:with-param name="bp" select="@rate-bp"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@net"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="money"><xsl:with-param name="minor" select="@gross"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>

      <div class="inv-sums">
        <dl class="inv-totals">
          <xsl:for-each select="$i/taxes/tax">
            <div class="inv-tax">
              <dt>
                <xsl:call-template name="pt-replace">
                  <xsl:with-param name="text">
                    <xsl:call-template name="or-fill">
                      <xsl:with-param name="key" select="'orders.invoice.tax-of'"/>
                      <xsl:with-param name="name" select="'rate'"/>
                      <xsl:with-param name="value"><xsl:call-template name="or-rate"><xsl:with-param name="bp" select="@rate-bp"/></xsl:call-template></xsl:with-param>
                    </xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="name" select="'net'"/>
                  <xsl:with-param name="value"><xsl:call-template name="money"><xsl:with-param name="minor" select="@net"/></xsl:call-template></xsl:with-param>
                </xsl:call-template>
              </dt>
              <dd><xsl:call-template name="money"><xsl:with-param name="minor" select="@tax"/></xsl:call-template></dd>
            </div>
          </xsl:for-each>
          <div class="inv-total-net">
            <dt><xsl:value-of select="pt:t('orders.invoice.total.net')"/></dt>
            <dd><xsl:call-template name="money"><xsl:with-param name="minor" select="$i/totals/@net"/></xsl:call-template></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('orders.invoice.total.tax')"/></dt>
            <dd><xsl:call-template name="money"><xsl:with-param name="minor" select="$i/totals/@tax"/></xsl:call-template></dd>
          </div>
          <div class="inv-total-gross">
            <dt>
              <xsl:choose>
                <xsl:when test="$credit"><xsl:value-of select="pt:t('orders.invoice.total.credit')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t('orders.invoice.total.gross')"/></xsl:otherwise>
              </xsl:choose>
            </dt>
            <dd><xsl:call-template name="money"><xsl:with-param name="minor" select="$i/totals/@gross"/></xsl:call-template></dd>
          </div>
        </dl>
      </div>

      <p class="inv-terms">
        <xsl:choose>
          <xsl:when test="$credit"><xsl:value-of select="pt:t('orders.invoice.terms.credit')"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.invoice.terms'"/>
                  <xsl:with-param name="name" select="'days'"/>
                  <xsl:with-param name="value" select="string($i/@terms-days)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'due'"/>
              <xsl:with-param name="value"><xsl:call-template name="inv-date"><xsl:with-param name="day" select="$i/@due"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </article>

    <xsl:if test="$i/actions/@paid">
      <form class="inv-actions" method="post" action="{$i/@href}/paid">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <p><button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.invoice.mark-paid')"/></button></p>
      </form>
    </xsl:if>
    <xsl:if test="$i/actions/@credit">
      <section class="card inv-actions inv-credit" aria-labelledby="credit-title">
        <h2 id="credit-title"><xsl:value-of select="pt:t('orders.invoice.credit.title')"/></h2>
        <p class="hint"><xsl:value-of select="pt:t('orders.invoice.credit.hint')"/></p>
        <form method="post" action="{$i/@href}/credit" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:for-each select="$i/lines/line">
            <xsl:variable name="f" select="concat('q', @order-line)"/>
            <div>
              <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="$f"/></xsl:call-template>
              <label for="{$f}"><xsl:value-of select="concat(name, ' (', @sku, ')')"/></label>
              <xsl:call-template name="or-errors"><xsl:with-param name="name" select="$f"/></xsl:call-template>
              <input type="number" id="{$f}" name="{$f}" min="0" max="{@quantity}" inputmode="numeric" value="{/page/form[@name = 'credit']/field[@name = $f]}">
                <xsl:call-template name="or-aria"><xsl:with-param name="name" select="$f"/></xsl:call-template>
              </input>
            </div>
          </xsl:for-each>
          <p><button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.invoice.credit.submit')"/></button></p>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
