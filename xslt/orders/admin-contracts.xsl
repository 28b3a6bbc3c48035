<?xml version="1.0" encoding="UTF-8"?>
<!-- Contracts running out (view "admin-contracts", contracts.manage): every
     organisation's contracts that end, or whose notice deadline comes,
     within the next @days days, soonest first.
     Data: /page/contracts (@days, @today, @until; contract @due @reason). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:variable name="l" select="/page/contracts"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.contracts.running-out')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/admin/offers'"/>
      <xsl:with-param name="key" select="'orders.offers.back'"/>
    </xsl:call-template>
    <h1><xsl:value-of select="pt:t('orders.contracts.running-out')"/></h1>
    <form class="filter-bar" method="get" action="/orders/admin/contracts">
      <div class="field">
        <label for="days"><xsl:value-of select="pt:t('orders.contracts.days')"/></label>
        <input id="days" name="days" type="text" inputmode="numeric" value="{$l/@days}" maxlength="4"/>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.catalogue.apply')"/></button>
      </div>
    </form>
    <xsl:choose>
      <xsl:when test="$l/contract">
        <xsl:call-template name="of-contracts">
          <xsl:with-param name="contracts" select="$l/contract"/>
          <xsl:with-param name="staff" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.contracts.none-running-out')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
