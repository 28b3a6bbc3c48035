<?xml version="1.0" encoding="UTF-8"?>
<!--
  An offer was accepted or declined: to whoever sent it
  (cgi-bin-src/orders/offer.c).  data @decision (accepted | declined),
  <number/> <title/> <org/> <decider/> <contract/> (when accepted)
  <why/> (the reason, when declined) <link/> (the staff's page of the offer).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:variable name="decision" select="string(/mail/data/@decision)"/>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.offer-decided.subject.', $decision)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.offer-decided.body.', $decision)"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.offer-decided.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.offer-decided.body.', $decision)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.offer-decided.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
