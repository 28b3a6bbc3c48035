<?xml version="1.0" encoding="UTF-8"?>
<!-- A contract of the organisation (view "contract", orders.read.org; staff
     with contracts.manage see any, @staff): its
     term, renewal and notice deadline, its recurring lines, the order its
     one-off lines became and its documents.  Data: /page/contract. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:variable name="c" select="/page/contract"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.contract.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($c/@number)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:choose>
      <xsl:when test="$c/@staff">
        <xsl:call-template name="or-back">
          <xsl:with-param name="href" select="'/orders/admin/contracts'"/>
          <xsl:with-param name="key" select="'orders.contracts.running-out'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="or-back">
          <xsl:with-param name="href" select="'/orders/contracts'"/>
          <xsl:with-param name="key" select="'orders.contracts.back'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <header class="or-order-head">
      <p class="eyebrow"><xsl:value-of select="$c/@number"/></p>
      <h1><xsl:value-of select="$c/title"/></h1>
      <xsl:if test="$c/@staff"><p><xsl:value-of select="$c/org"/></p></xsl:if>
    </header>
    <dl class="facts">
      <div><dt><xsl:value-of select="pt:t('orders.contracts.col.start')"/></dt><dd><xsl:call-template name="of-date"><xsl:with-param name="date" select="$c/@start"/></xsl:call-template></dd></div>
      <div><dt><xsl:value-of select="pt:t('orders.contract.first-end')"/></dt><dd><xsl:call-template name="of-date"><xsl:with-param name="date" select="$c/@end"/></xsl:call-template></dd></div>
      <div><dt><xsl:value-of select="pt:t('orders.contracts.col.period-end')"/></dt><dd><xsl:call-template name="of-date"><xsl:with-param name="date" select="$c/@period-end"/></xsl:call-template></dd></div>
      <div>
        <dt><xsl:value-of select="pt:t('orders.contracts.col.deadline')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$c/@notice-deadline">
              <strong><xsl:call-template name="of-date"><xsl:with-param name="date" select="$c/@notice-deadline"/></xsl:call-template></strong>
              <xsl:text> </xsl:text>
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.contract.stops-on'"/>
                <xsl:with-param name="name" select="'date'"/>
                <xsl:with-param name="value"><xsl:call-template name="of-date"><xsl:with-param name="date" select="$c/@stops-on"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('orders.contracts.no-notice')"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </div>
      <xsl:if test="$c/@renewal-months != 0">
        <div>
          <dt><xsl:value-of select="pt:t('orders.offer.term')"/></dt>
          <dd>
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.offer.term.renewal'"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="string($c/@renewal-months)"/>
            </xsl:call-template>
            <xsl:text>; </xsl:text>
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.offer.term.notice'"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="string($c/@notice-days)"/>
            </xsl:call-template>
          </dd>
        </div>
      </xsl:if>
      <xsl:if test="$c/offer">
        <div>
          <dt><xsl:value-of select="pt:t('orders.contract.offer')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$c/offer/@href"><a href="{$c/offer/@href}"><xsl:value-of select="$c/offer/@number"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="$c/offer/@number"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
      </xsl:if>
      <xsl:if test="$c/order">
        <div>
          <dt><xsl:value-of select="pt:t('orders.offer.order')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$c/order/@href"><a href="{$c/order/@href}"><xsl:value-of select="$c/order/@number"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="$c/order/@number"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
      </xsl:if>
    </dl>
    <section aria-labelledby="lines-caption">
      <xsl:choose>
        <xsl:when test="$c/lines/line">
          <xsl:call-template name="of-lines">
            <xsl:with-param name="doc" select="$c"/>
            <xsl:with-param name="caption-key" select="'orders.contract.lines'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <h2 id="lines-caption"><xsl:value-of select="pt:t('orders.contract.lines')"/></h2>
          <p class="empty-state"><xsl:value-of select="pt:t('orders.offer.lines.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <section aria-labelledby="files-title">
      <h2 id="files-title"><xsl:value-of select="pt:t('orders.contract.documents')"/></h2>
      <xsl:choose>
        <xsl:when test="$c/files/file">
          <xsl:call-template name="of-files"><xsl:with-param name="files" select="$c/files"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.offer.files.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
