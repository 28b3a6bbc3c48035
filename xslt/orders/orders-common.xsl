<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the orders views share (included, not imported, by each view of
  xslt/orders/ after it imports ../layout.xsl):

    page mode="head"  the area stylesheets
    or-money          minor units and a currency as the reader writes money
    or-price          a <price> element: the amount per unit, "contract
                      price" with the list price beside it, or "on request"
    or-lead           a lead time in working days
    or-fill           a catalogue text with one {placeholder} filled in
    or-audience       an <audience kinds> with its <tier>s, in words
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:decimal-format name="or-en" decimal-separator="." grouping-separator=","/>
  <xsl:decimal-format name="or-de" decimal-separator="," grouping-separator="."/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/orders.css"/>
  </xsl:template>

  <!-- 1234567 EUR: "12,345.67 EUR" in English, "12.345,67 EUR" in German. -->
  <xsl:template name="or-money">
    <xsl:param name="minor"/>
    <xsl:param name="currency"/>
    <span class="amount nowrap">
      <xsl:choose>
        <xsl:when test="/page/@lang = 'de'">
          <xsl:value-of select="format-number(number($minor) div 100, '#.##0,00', 'or-de')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="format-number(number($minor) div 100, '#,##0.00', 'or-en')"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#160;</xsl:text>
      <xsl:value-of select="$currency"/>
    </span>
  </xsl:template>

  <!-- $price: a <price> element; $unit: the product's unit, said per unit. -->
  <xsl:template name="or-price">
    <xsl:param name="price"/>
    <xsl:param name="unit"/>
    <xsl:param name="long" select="false()"/>
    <xsl:choose>
      <xsl:when test="$price/@on-request = '1'">
        <span class="or-on-request"><xsl:value-of select="pt:t('orders.price.on-request')"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="or-price">
          <xsl:call-template name="or-money">
            <xsl:with-param name="minor" select="$price/@minor"/>
            <xsl:with-param name="currency" select="$price/@currency"/>
          </xsl:call-template>
          <xsl:if test="$unit != ''">
            <span class="or-per">
              <xsl:text> </xsl:text>
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.price.per'"/>
                <xsl:with-param name="name" select="'unit'"/>
                <xsl:with-param name="value" select="pt:t(concat('orders.unit.', $unit))"/>
              </xsl:call-template>
            </span>
          </xsl:if>
        </span>
        <xsl:if test="$price/@contract = '1'">
          <span class="status-badge or-contract"><xsl:value-of select="pt:t('orders.price.contract')"/></span>
          <xsl:if test="$long and string($price/@list-minor) != ''">
            <span class="or-list-price">
              <xsl:value-of select="pt:t('orders.price.list')"/>
              <xsl:text> </xsl:text>
              <del>
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="$price/@list-minor"/>
                  <xsl:with-param name="currency" select="$price/@currency"/>
                </xsl:call-template>
              </del>
            </span>
          </xsl:if>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="or-lead">
    <xsl:param name="days"/>
    <xsl:choose>
      <xsl:when test="$days = 0"><xsl:value-of select="pt:t('orders.lead.now')"/></xsl:when>
      <xsl:when test="$days = 1"><xsl:value-of select="pt:t('orders.lead.day')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.lead.days'"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string($days)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="or-audience">
    <xsl:param name="a"/>
    <xsl:choose>
      <xsl:when test="contains($a/@kinds, 'customer') and contains($a/@kinds, 'partner')">
        <xsl:value-of select="pt:t('orders.audience.both')"/>
      </xsl:when>
      <xsl:when test="contains($a/@kinds, 'partner')"><xsl:value-of select="pt:t('orders.audience.partner')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('orders.audience.customer')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$a/tier">
      <xsl:text>; </xsl:text>
      <xsl:call-template name="or-fill">
        <xsl:with-param name="key" select="'orders.audience.tiers'"/>
        <xsl:with-param name="name" select="'tiers'"/>
        <xsl:with-param name="value">
          <xsl:for-each select="$a/tier">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="or-fill">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="value" select="$value"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
