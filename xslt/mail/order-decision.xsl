<?xml version="1.0" encoding="UTF-8"?>
<!--
  An approver decided an order: to its buyer (cgi-bin-src/orders/approval.c).
  data as in order-common.xsl, with @decision, <approver/>, <comment/>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:variable name="decision">
    <xsl:choose>
      <xsl:when test="$d/@decision = 'approved'">approved</xsl:when>
      <xsl:otherwise>rejected</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-', $decision, '.subject')"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-', $decision, '.body')"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="normalize-space($d/comment) != ''">
      <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.order.comment'"/></xsl:call-template>
      <xsl:value-of select="concat($nl, $d/comment, $nl, $nl)"/>
    </xsl:if>
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="$facts-key"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-', $decision, '.body')"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="normalize-space($d/comment) != ''">
      <xsl:call-template name="mail-p">
        <xsl:with-param name="content">
          <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.order.comment'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid {$theme-mail-border};white-space:pre-line">
        <xsl:value-of select="$d/comment"/>
      </blockquote>
    </xsl:if>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="$facts-key"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
