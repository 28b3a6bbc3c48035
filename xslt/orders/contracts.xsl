<?xml version="1.0" encoding="UTF-8"?>
<!-- The organisation's contracts (view "contracts", orders.read.org): each
     with its term, the end of the running period and the notice deadline,
     the last day to give notice before the next renewal.
     Data: /page/contracts (@today). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.contracts.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <h1><xsl:value-of select="pt:t('orders.contracts.title')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('orders.contracts.lead')"/></p>
    <xsl:choose>
      <xsl:when test="/page/contracts/contract">
        <xsl:call-template name="of-contracts">
          <xsl:with-param name="contracts" select="/page/contracts/contract"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.contracts.none')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
