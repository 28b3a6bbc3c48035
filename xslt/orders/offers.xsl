<?xml version="1.0" encoding="UTF-8"?>
<!-- Offers (view "offers", orders.approve): the organisation's sent and decided
     offers, newest first.
     Data: /page/offers. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:variable name="l" select="/page/offers"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.offers.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <h1><xsl:value-of select="pt:t('orders.offers.title')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('orders.offers.lead')"/></p>
    <xsl:call-template name="of-list"/>
  </xsl:template>

</xsl:stylesheet>
