<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the mails about orders share (included by order-approval and
  order-decision).  data: <number/> <buyer/> <org/> <po/> <created/> (UTC)
  <net currency/> <gross currency/> (minor units) <reason/> (order |
  month: the limit that sent it for approval) <link/> (the order page);
  order-decision adds @decision (approved | rejected), <approver/> and
  <comment/>; offer-sent has <title/>, <sender/> and <valid/> (a date); order-invoice
  <invoice/> and <due/> (a date).
  A text of the catalogue names them {number}, {buyer},
  {org}, {po}, {created}, {net}, {gross}, {reason}, {approver}, {comment},
  {due}, {invoice}.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:decimal-format name="om-en" decimal-separator="." grouping-separator=","/>
  <xsl:decimal-format name="om-de" decimal-separator="," grouping-separator="."/>

  <xsl:variable name="d" select="/mail/data"/>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url"><xsl:with-param name="link" select="$d/link"/></xsl:call-template>
  </xsl:variable>

  <!-- The line of facts: with the PO number when the order has one. -->
  <xsl:variable name="facts-key">
    <xsl:choose>
      <xsl:when test="normalize-space($d/po) != ''">mail.order.facts</xsl:when>
      <xsl:otherwise>mail.order.facts.no-po</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Minor units and a currency as the recipient writes money. -->
  <xsl:template name="om-money">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="/mail/@lang = 'de'">
        <xsl:value-of select="format-number(number($n) div 100, '#.##0,00', 'om-de')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number(number($n) div 100, '#,##0.00', 'om-en')"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat(' ', $n/@currency)"/>
  </xsl:template>

  <!-- text with every {name} of the data filled in. -->
  <xsl:template name="om-fill">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{') and contains(substring-after($text, '{'), '}')">
        <xsl:variable name="name" select="substring-before(substring-after($text, '{'), '}')"/>
        <xsl:value-of select="substring-before($text, '{')"/>
        <xsl:choose>
          <xsl:when test="$name = 'net' or $name = 'gross'">
            <xsl:call-template name="om-money"><xsl:with-param name="n" select="$d/*[local-name() = $name]"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$name = 'created'"><xsl:value-of select="pt:time(string($d/created), 'datetime')"/></xsl:when>
          <xsl:when test="$name = 'valid' or $name = 'due'"><xsl:value-of select="pt:time(string($d/*[local-name() = $name]), 'date')"/></xsl:when>
          <xsl:when test="$name = 'reason'"><xsl:value-of select="pt:t(concat('mail.order.reason.', $d/reason))"/></xsl:when>
          <xsl:when test="$d/*[local-name() = $name]"><xsl:value-of select="normalize-space($d/*[local-name() = $name])"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('{', $name, '}')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="om-fill">
          <xsl:with-param name="text" select="substring-after(substring-after($text, '{'), '}')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="om-text">
    <xsl:param name="key"/>
    <xsl:call-template name="om-fill"><xsl:with-param name="text" select="pt:t($key)"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
