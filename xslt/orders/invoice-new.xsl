<?xml version="1.0" encoding="UTF-8"?>
<!--
  The order desk's invoicing of an order (view "invoice-new"): each line
  with what is ordered, shipped and invoiced; the shipments, each with its
  invoice or a button to issue it; a button for everything not invoiced
  yet; and the order's invoices and credit notes.  Data: /page/billing.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="invoice-common.xsl"/>

  <xsl:variable name="b" select="/page/billing"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.invoice-new.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($b/@order)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="issue-button">
    <xsl:param name="shipment" select="''"/>
    <xsl:param name="key"/>
    <xsl:param name="class" select="'btn btn-secondary'"/>
    <form method="post" action="/orders/invoices/new" class="inv-issue">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <input type="hidden" name="order" value="{$b/@order}"/>
      <input type="hidden" name="shipment" value="{$shipment}"/>
      <button type="submit" class="{$class}"><xsl:value-of select="pt:t($key)"/></button>
    </form>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/invoices'"/>
      <xsl:with-param name="key" select="'orders.invoice.back'"/>
    </xsl:call-template>
    <header class="or-order-head">
      <p class="eyebrow"><xsl:value-of select="$b/org"/></p>
      <h1><xsl:apply-templates select="." mode="title"/></h1>
      <p>
        <xsl:call-template name="or-status"><xsl:with-param name="status" select="string($b/@status)"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="or-money">
          <xsl:with-param name="minor" select="$b/@gross"/>
          <xsl:with-param name="currency" select="$b/@currency"/>
        </xsl:call-template>
      </p>
      <p class="lead"><xsl:value-of select="pt:t('orders.invoice-new.lead')"/></p>
    </header>

    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
      <table class="data-table or-table">
        <caption id="lines-caption"><xsl:value-of select="pt:t('orders.invoice.lines')"/></caption>
        <thead>
          <tr>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice.col.no')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.invoice.col.item')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice-new.col.ordered')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice-new.col.shipped')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoice-new.col.billed')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$b/lines/line">
            <tr>
              <td class="num"><xsl:value-of select="@no"/></td>
              <th scope="row"><xsl:value-of select="name"/><xsl:text> </xsl:text><span class="or-sku"><xsl:value-of select="@sku"/></span></th>
              <td class="num"><xsl:value-of select="@quantity"/></td>
              <td class="num"><xsl:value-of select="@shipped"/></td>
              <td class="num"><xsl:value-of select="@billed"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>

    <section class="card" aria-labelledby="ships-title">
      <h2 id="ships-title"><xsl:value-of select="pt:t('orders.invoice-new.shipments')"/></h2>
      <xsl:choose>
        <xsl:when test="$b/shipments/shipment">
          <ul class="inv-shipments">
            <xsl:for-each select="$b/shipments/shipment">
              <li>
                <strong>
                  <xsl:call-template name="or-fill">
                    <xsl:with-param name="key" select="'orders.invoice-new.shipment'"/>
                    <xsl:with-param name="name" select="'no'"/>
                    <xsl:with-param name="value" select="string(@no)"/>
                  </xsl:call-template>
                </strong>
                <xsl:text>: </xsl:text>
                <xsl:value-of select="carrier"/>
                <xsl:text>, </xsl:text>
                <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@shipped)"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:choose>
                  <xsl:when test="@invoice"><a href="{@invoice-href}"><xsl:value-of select="@invoice"/></a></xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="issue-button">
                      <xsl:with-param name="shipment" select="string(@no)"/>
                      <xsl:with-param name="key" select="'orders.invoice-new.invoice-shipment'"/>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('orders.invoice-new.no-shipments')"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="issue-button">
        <xsl:with-param name="key" select="'orders.invoice-new.invoice-rest'"/>
        <xsl:with-param name="class" select="'btn btn-primary'"/>
      </xsl:call-template>
    </section>

    <section class="card" aria-labelledby="invs-title">
      <h2 id="invs-title"><xsl:value-of select="pt:t('orders.invoice-new.invoices')"/></h2>
      <xsl:choose>
        <xsl:when test="$b/invoices/invoice">
          <ul class="inv-list">
            <xsl:for-each select="$b/invoices/invoice">
              <li>
                <a href="{@href}"><xsl:value-of select="@number"/></a>
                <xsl:text> </xsl:text>
                <xsl:call-template name="inv-status">
                  <xsl:with-param name="status" select="string(@status)"/>
                  <xsl:with-param name="kind" select="string(@kind)"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@gross"/>
                  <xsl:with-param name="currency" select="@currency"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('orders.invoice-new.no-invoices')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
