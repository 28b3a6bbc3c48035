<?xml version="1.0" encoding="UTF-8"?>
<!--
  The order desk took a step with a return: to the person who asked for it
  (cgi-bin-src/orders/returns.c).  data: @step (approved | rejected |
  received | refunded | replaced), <number/> (the RMA number), <order/>,
  <buyer/> (the recipient), <org/>, <comment/> (the instructions, the
  reason or a note), <link/> (the return's page).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:variable name="step" select="string($d/@step)"/>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-return.', $step, '.subject')"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-return.', $step, '.body')"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="normalize-space($d/comment) != ''">
      <xsl:value-of select="concat($d/comment, $nl, $nl)"/>
    </xsl:if>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order-return.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-return.', $step, '.body')"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="normalize-space($d/comment) != ''">
      <blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid {$theme-mail-border};white-space:pre-line">
        <xsl:value-of select="$d/comment"/>
      </blockquote>
    </xsl:if>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order-return.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
