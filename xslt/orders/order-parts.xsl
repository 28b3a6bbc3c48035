<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the customer's order page and the order desk's show of an order
  alike (included after orders-common.xsl and cart-common.xsl):

    or-order-facts the facts: buyer (and on the desk the organisation), PO
                   number, cost centre, requested date, delivery address,
                   note and the approver's decision
    or-timeline    the events of $o/timeline, newest last; an event about a
                   shipment that left shows the shipment (or-shipment), one
                   about its arrival says which shipment arrived
    or-returns     the order's returns, linked, with their status
    or-shipment    a shipment: carrier, tracking number (a link when it has
                   an address), the day it left and arrived, its lines
    or-invoices    the order's invoices and credit notes (number, status,
                   amount); on the desk with the link to invoice the order
  $o is the page's <order>: its <shipments> and <lines> (names by @no),
  its <invoices>.  inv-status comes from invoice-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="or-order-facts">
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title"><xsl:value-of select="pt:t('orders.order.facts')"/></h2>
      <dl class="facts facts-stacked">
        <xsl:if test="$o/org">
          <div><dt><xsl:value-of select="pt:t('orders.desk.org')"/></dt><dd><xsl:value-of select="$o/org"/></dd></div>
        </xsl:if>
        <div><dt><xsl:value-of select="pt:t('orders.order.buyer')"/></dt><dd><xsl:value-of select="$o/buyer"/></dd></div>
        <xsl:if test="string($o/po-number) != ''">
          <div><dt><xsl:value-of select="pt:t('orders.checkout.po')"/></dt><dd><xsl:value-of select="$o/po-number"/></dd></div>
        </xsl:if>
        <xsl:if test="string($o/cost-centre) != ''">
          <div><dt><xsl:value-of select="pt:t('orders.checkout.cost-centre')"/></dt><dd><xsl:value-of select="$o/cost-centre"/></dd></div>
        </xsl:if>
        <xsl:if test="$o/requested-date">
          <div>
            <dt><xsl:value-of select="pt:t('orders.checkout.requested')"/></dt>
            <dd>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string($o/requested-date)"/>
                <xsl:with-param name="style" select="'date'"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:value-of select="pt:t('orders.order.deliver-to')"/></dt>
          <dd><xsl:call-template name="or-address"><xsl:with-param name="a" select="$o/address"/></xsl:call-template></dd>
        </div>
        <xsl:if test="string($o/note) != ''">
          <div><dt><xsl:value-of select="pt:t('orders.checkout.note')"/></dt><dd class="or-note"><xsl:value-of select="$o/note"/></dd></div>
        </xsl:if>
        <xsl:if test="$o/decision">
          <div>
            <dt><xsl:value-of select="pt:t(concat('orders.order.decision.', $o/@status))"/></dt>
            <dd>
              <xsl:value-of select="$o/decision/by"/>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string($o/decision/@at)"/>
              </xsl:call-template>
              <xsl:if test="string($o/decision/comment) != ''">
                <span class="or-comment"><xsl:value-of select="$o/decision/comment"/></span>
              </xsl:if>
            </dd>
          </div>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="or-returns">
    <xsl:if test="$o/returns/return">
      <section class="card" aria-labelledby="returns-title">
        <h2 id="returns-title"><xsl:value-of select="pt:t('orders.order.returns')"/></h2>
        <ul class="or-return-list">
          <xsl:for-each select="$o/returns/return">
            <li>
              <a href="{@href}"><xsl:value-of select="@number"/></a>
              <xsl:text> </xsl:text>
              <span class="status-badge or-status or-return-{@status}"><xsl:value-of select="pt:t(concat('orders.return.status.', @status))"/></span>
              <xsl:text> </xsl:text>
              <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@created)"/><xsl:with-param name="style" select="'date'"/></xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="or-timeline">
    <!-- false: a shipment that left is named, not shown (the page shows it elsewhere) -->
    <xsl:param name="shipments" select="true()"/>
    <section class="card or-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title"><xsl:value-of select="pt:t('orders.order.timeline')"/></h2>
      <ol class="or-events">
        <xsl:for-each select="$o/timeline/event">
          <li class="or-event">
            <xsl:choose>
              <xsl:when test="@action = 'delivered'">
                <span class="status-badge or-status or-status-delivered">
                  <xsl:call-template name="or-fill">
                    <xsl:with-param name="key" select="'orders.shipment.arrived'"/>
                    <xsl:with-param name="name" select="'no'"/>
                    <xsl:with-param name="value" select="string(@shipment)"/>
                  </xsl:call-template>
                </span>
                <xsl:if test="@status = 'delivered'">
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="or-status"><xsl:with-param name="status" select="'delivered'"/></xsl:call-template>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="or-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text> </xsl:text>
            <xsl:call-template name="pt-datetime">
              <xsl:with-param name="iso" select="string(@at)"/>
            </xsl:call-template>
            <xsl:if test="by">
              <xsl:text> </xsl:text>
              <span class="or-by">
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.order.by'"/>
                  <xsl:with-param name="name" select="'name'"/>
                  <xsl:with-param name="value" select="string(by)"/>
                </xsl:call-template>
              </span>
            </xsl:if>
            <xsl:if test="comment">
              <p class="or-comment"><xsl:value-of select="comment"/></p>
            </xsl:if>
            <xsl:if test="@action = 'shipped' and $shipments">
              <xsl:call-template name="or-shipment">
                <xsl:with-param name="s" select="$o/shipments/shipment[@no = current()/@shipment]"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="@action = 'shipped' and not($shipments)">
              <xsl:text> · </xsl:text>
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.shipment.title'"/>
                <xsl:with-param name="name" select="'no'"/>
                <xsl:with-param name="value" select="string(@shipment)"/>
              </xsl:call-template>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <xsl:template name="or-shipment">
    <xsl:param name="s"/>
    <div class="or-shipment">
      <p class="or-shipment-title">
        <strong>
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.shipment.title'"/>
            <xsl:with-param name="name" select="'no'"/>
            <xsl:with-param name="value" select="string($s/@no)"/>
          </xsl:call-template>
        </strong>
      </p>
      <dl class="facts or-shipment-facts">
        <div><dt><xsl:value-of select="pt:t('orders.shipment.carrier')"/></dt><dd><xsl:value-of select="$s/carrier"/></dd></div>
        <xsl:if test="string($s/tracking) != ''">
          <div>
            <dt><xsl:value-of select="pt:t('orders.shipment.tracking')"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="$s/tracking/@href">
                  <a class="or-tracking" href="{$s/tracking/@href}" rel="noopener noreferrer"><xsl:value-of select="$s/tracking"/></a>
                </xsl:when>
                <xsl:otherwise><span class="or-tracking"><xsl:value-of select="$s/tracking"/></span></xsl:otherwise>
              </xsl:choose>
            </dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:value-of select="pt:t('orders.shipment.shipped')"/></dt>
          <dd><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($s/@shipped)"/><xsl:with-param name="style" select="'date'"/></xsl:call-template></dd>
        </div>
        <div>
          <dt><xsl:value-of select="pt:t('orders.shipment.delivered')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$s/@delivered">
                <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($s/@delivered)"/><xsl:with-param name="style" select="'date'"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('orders.shipment.on-its-way')"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
      </dl>
      <ul class="or-shipment-lines">
        <xsl:for-each select="$s/line">
          <xsl:variable name="l" select="$o/lines/line[@no = current()/@no]"/>
          <li>
            <span class="or-ship-count nowrap">
              <xsl:value-of select="@quantity"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="pt:t(concat('orders.unit.', $l/@unit))"/>
            </span>
            <xsl:text> </xsl:text>
            <xsl:value-of select="$l/name"/>
            <xsl:text> </xsl:text>
            <span class="or-sku"><xsl:value-of select="$l/@sku"/></span>
          </li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <xsl:template name="or-invoices">
    <xsl:param name="issue" select="false()"/>
    <section class="card or-invoices" aria-labelledby="invoices-title">
      <h2 id="invoices-title"><xsl:value-of select="pt:t('orders.order.invoices')"/></h2>
      <xsl:choose>
        <xsl:when test="$o/invoices/invoice">
          <ul class="inv-list">
            <xsl:for-each select="$o/invoices/invoice">
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
                  <xsl:with-param name="currency" select="$o/@currency"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('orders.order.invoices.none')"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$issue">
        <p><a class="btn btn-secondary" href="/orders/invoices/new?order={$o/@number}"><xsl:value-of select="pt:t('orders.order.invoices.issue')"/></a></p>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
