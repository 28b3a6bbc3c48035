<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the views of invoices share (included after orders-common.xsl and
  cart-common.xsl by invoices, invoice, invoice-new and order):

    inv-status     an invoice's status as a badge: open, overdue, paid; a
                   credit note's as "to be refunded" or "refunded"
    inv-kind       invoice or credit note, in words
    inv-date       a calendar day (issued, due) as the reader writes dates
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="inv-status">
    <xsl:param name="status"/>
    <xsl:param name="kind"/>
    <span class="status-badge inv-status inv-status-{$status}">
      <xsl:choose>
        <xsl:when test="$kind = 'credit_note'">
          <xsl:value-of select="pt:t(concat('orders.invoice.status.credit.', $status))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="pt:t(concat('orders.invoice.status.', $status))"/>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template name="inv-kind">
    <xsl:param name="kind"/>
    <xsl:value-of select="pt:t(concat('orders.invoice.kind.', $kind))"/>
  </xsl:template>

  <xsl:template name="inv-date">
    <xsl:param name="day"/>
    <xsl:call-template name="pt-datetime">
      <xsl:with-param name="iso" select="string($day)"/>
      <xsl:with-param name="style" select="'date'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
