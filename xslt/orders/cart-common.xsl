<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the views of the cart, the orders and their approval share
  (included after orders-common.xsl by cart, history, order, approvals,
  addresses and address):

    or-status      an order's status as a badge
    or-rate        a tax rate in basis points as "19 %" ("8,1 %" in German)
    or-country     a country code in words
    or-address     a delivery address (label, recipient, street, city, country)
    or-reason      which limit sent an order for approval, in words
    or-back        the link back to a list
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="or-status">
    <xsl:param name="status"/>
    <span class="status-badge or-status or-status-{$status}">
      <xsl:value-of select="pt:t(concat('orders.status.', $status))"/>
    </span>
  </xsl:template>

  <xsl:template name="or-rate">
    <xsl:param name="bp"/>
    <span class="nowrap">
      <xsl:choose>
        <xsl:when test="/page/@lang = 'de'">
          <xsl:value-of select="format-number(number($bp) div 100, '0,##', 'or-de')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="format-number(number($bp) div 100, '0.##', 'or-en')"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#160;%</xsl:text>
    </span>
  </xsl:template>

  <xsl:template name="or-country">
    <xsl:param name="code"/>
    <xsl:value-of select="pt:t(concat('orders.country.', $code))"/>
  </xsl:template>

  <!-- $a: an element with label, recipient, street, street2, postal-code, city and @country. -->
  <xsl:template name="or-address">
    <xsl:param name="a"/>
    <xsl:param name="label" select="true()"/>
    <address class="or-address">
      <xsl:if test="$label"><strong><xsl:value-of select="$a/label"/></strong><br/></xsl:if>
      <xsl:value-of select="$a/recipient"/><br/>
      <xsl:value-of select="$a/street"/><br/>
      <xsl:if test="string($a/street2) != ''"><xsl:value-of select="$a/street2"/><br/></xsl:if>
      <xsl:value-of select="concat($a/postal-code, ' ', $a/city)"/><br/>
      <xsl:call-template name="or-country"><xsl:with-param name="code" select="string($a/@country)"/></xsl:call-template>
    </address>
  </xsl:template>

  <xsl:template name="or-reason">
    <xsl:param name="reason"/>
    <xsl:if test="string($reason) != ''">
      <xsl:value-of select="pt:t(concat('orders.budget.over.', $reason))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="or-back">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <p class="back-link"><a href="{$href}"><xsl:value-of select="pt:t($key)"/></a></p>
  </xsl:template>

</xsl:stylesheet>
