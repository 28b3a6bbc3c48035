<?xml version="1.0" encoding="UTF-8"?>
<!--
  The provider moved an order on: to its buyer (cgi-bin-src/orders/fulfil.c).
  data as in order-common.xsl, with @event (confirmed | shipped |
  delivered | cancelled), @status (the order's now), <comment/> (why it
  was cancelled) and for shipped and delivered <shipment no shipped
  [delivered]><carrier/><tracking/>[<tracking-url/>]<line no sku unit
  quantity>name</line>...</shipment>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:variable name="event">
    <xsl:choose>
      <xsl:when test="$d/@event = 'shipped' and $d/@status = 'partly_shipped'">partly-shipped</xsl:when>
      <xsl:when test="$d/@event = 'delivered' and $d/@status != 'delivered'">partly-delivered</xsl:when>
      <xsl:otherwise><xsl:value-of select="$d/@event"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="s" select="$d/shipment"/>

  <!-- "Shipment 2 with DHL, tracking number 123" -->
  <xsl:template name="shipment-line">
    <xsl:value-of select="concat(pt:t('mail.order-fulfil.shipment'), ' ', $s/@no, ': ', $s/carrier)"/>
    <xsl:if test="string($s/tracking) != ''">
      <xsl:value-of select="concat(', ', pt:t('mail.order-fulfil.tracking'), ' ', $s/tracking)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-fulfil.', $event, '.subject')"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-fulfil.', $event, '.body')"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="normalize-space($d/comment) != ''">
      <xsl:value-of select="concat(pt:t('mail.order-fulfil.reason'), $nl, $d/comment, $nl, $nl)"/>
    </xsl:if>
    <xsl:if test="$s">
      <xsl:call-template name="shipment-line"/>
      <xsl:value-of select="$nl"/>
      <xsl:if test="string($s/tracking-url) != ''">
        <xsl:value-of select="concat($s/tracking-url, $nl)"/>
      </xsl:if>
      <xsl:for-each select="$s/line">
        <xsl:value-of select="concat('- ', @quantity, ' x ', ., ' (', @sku, ')', $nl)"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
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
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="concat('mail.order-fulfil.', $event, '.body')"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="normalize-space($d/comment) != ''">
      <xsl:call-template name="mail-p">
        <xsl:with-param name="content" select="pt:t('mail.order-fulfil.reason')"/>
      </xsl:call-template>
      <blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid {$theme-mail-border};white-space:pre-line">
        <xsl:value-of select="$d/comment"/>
      </blockquote>
    </xsl:if>
    <xsl:if test="$s">
      <xsl:call-template name="mail-p">
        <xsl:with-param name="content">
          <xsl:call-template name="shipment-line"/>
        </xsl:with-param>
      </xsl:call-template>
      <ul style="margin:0 0 16px 0;padding-left:24px">
        <xsl:for-each select="$s/line">
          <li><xsl:value-of select="concat(@quantity, ' × ', ., ' (', @sku, ')')"/></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="string($s/tracking-url) != ''">
        <xsl:call-template name="mail-button">
          <xsl:with-param name="url" select="$s/tracking-url"/>
          <xsl:with-param name="label" select="pt:t('mail.order-fulfil.track')"/>
        </xsl:call-template>
      </xsl:if>
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
