<?xml version="1.0" encoding="UTF-8"?>
<!--
  An invoice or credit note was issued: to the order's buyer
  (cgi-bin-src/orders/invoice-issue.c).  data: @kind (invoice |
  credit_note), <invoice/> (its number), <number/> (the order's), <po/>,
  <org/>, <buyer/> (the recipient), <gross currency/> (minor units,
  negative for a credit note), <due/> (a date; invoices), <link/> (the
  invoice's page, where its PDF is).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:variable name="kind" select="string($d/@kind)"/>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-invoice.', $kind, '.subject')"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-invoice.', $kind, '.body')"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order-invoice.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-invoice.', $kind, '.body')"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order-invoice.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
