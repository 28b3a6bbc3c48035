<?xml version="1.0" encoding="UTF-8"?>
<!--
  An SLA clock of a ticket reached its warning share or its due: to the
  leads of the ticket's group (cgi-bin-src/tickets/sla.c).  data: @what
  (warning, breach), @clock (first_response, update, resolution), <number>,
  <subject>, <priority> (1..5), <percent> (used), <due> (UTC, may be
  absent), <link> (the ticket page); @escalates="1" on a breach that the
  escalation process (processes/ticket-escalation.bpmn) mails: the ticket
  goes to the lead if nobody touches it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="d" select="/mail/data"/>
  <xsl:variable name="what">
    <xsl:choose>
      <xsl:when test="$d/@what = 'breach'">breach</xsl:when>
      <xsl:otherwise>warning</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link" select="$d/link"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- text with {number} {subject} {priority} {percent} {clock} {due} filled in. -->
  <xsl:template name="sla-fill">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{') and contains(substring-after($text, '{'), '}')">
        <xsl:variable name="name" select="substring-before(substring-after($text, '{'), '}')"/>
        <xsl:value-of select="substring-before($text, '{')"/>
        <xsl:choose>
          <xsl:when test="$name = 'clock'"><xsl:value-of select="pt:t(concat('sla.clock.', $d/@clock))"/></xsl:when>
          <xsl:when test="$name = 'due'"><xsl:value-of select="pt:time(string($d/due), 'datetime')"/></xsl:when>
          <xsl:when test="$name = 'number' or $name = 'subject' or $name = 'priority' or $name = 'percent'">
            <xsl:value-of select="normalize-space($d/*[local-name() = $name])"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('{', $name, '}')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="sla-fill">
          <xsl:with-param name="text" select="substring-after(substring-after($text, '{'), '}')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="sla-fill">
      <xsl:with-param name="text" select="pt:t(concat('mail.sla.', $what, '.subject'))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="sla-fill">
      <xsl:with-param name="text" select="pt:t(concat('mail.sla.', $what, '.body'))"/>
    </xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="$d/@escalates = '1'">
      <xsl:value-of select="concat(pt:t('mail.sla.escalates'), $nl, $nl)"/>
    </xsl:if>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.sla.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="sla-fill">
          <xsl:with-param name="text" select="pt:t(concat('mail.sla.', $what, '.body'))"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="$d/@escalates = '1'">
      <xsl:call-template name="mail-p">
        <xsl:with-param name="content" select="pt:t('mail.sla.escalates')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.sla.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
